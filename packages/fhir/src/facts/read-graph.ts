/**
 * Which fact read which while one request's facts were computed. Nodes are catalogue facts and the
 * per-request memoised mechanisms several facts share (e.g. `memo:dvt.ddimer`, the episode's D-dimer
 * reading). A data-quality issue is raised while some node is being computed; every node that read
 * that node, directly or through others, may have a different value because of it. Reads are
 * recorded on every access, memoised or not, so the answer does not depend on the order facts were
 * computed in.
 */
export class ReadGraph {
  private readonly stack: string[] = [];
  /** node → the nodes that read it. */
  private readonly readers = new Map<string, Set<string>>();

  /**
   * Records that the node being computed now (if any) reads `node`.
   * @param node - a fact name or memo key
   */
  read(node: string): void {
    const reader = this.stack[this.stack.length - 1];
    if (reader === undefined || reader === node) {
      return;
    }
    let set = this.readers.get(node);
    if (!set) {
      set = new Set();
      this.readers.set(node, set);
    }
    set.add(reader);
  }

  /**
   * Computes `node`: records the read, then runs `compute` with `node` as the current node.
   * @param node - a fact name or memo key
   * @param compute - computes it
   * @returns what `compute` returns
   */
  within<T>(node: string, compute: () => T): T {
    this.read(node);
    this.stack.push(node);
    try {
      return compute();
    } finally {
      this.stack.pop();
    }
  }

  /** @returns the node being computed now, or undefined outside any computation */
  current(): string | undefined {
    return this.stack[this.stack.length - 1];
  }

  /**
   * The given nodes and every node that read one of them, transitively.
   * @param nodes - starting nodes
   * @returns the closure
   */
  readersOf(nodes: Iterable<string>): Set<string> {
    const seen = new Set<string>();
    const queue = [...nodes];
    for (let node = queue.pop(); node !== undefined; node = queue.pop()) {
      if (seen.has(node)) {
        continue;
      }
      seen.add(node);
      queue.push(...(this.readers.get(node) ?? []));
    }
    return seen;
  }
}
