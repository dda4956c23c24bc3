import { ReadGraph } from './read-graph';

describe('ReadGraph', () => {
  it('records who read what, also on memoised reads, and closes over readers of readers', () => {
    const graph = new ReadGraph();
    graph.within('dvt.decision', () => {
      graph.within('memo:dvt.ddimer', () => undefined);
      graph.read('patient.ageYears');
    });
    // A later fact reads the memo without computing it again (a memo hit).
    graph.within('dvt.ddimerExplanation', () => graph.read('memo:dvt.ddimer'));
    expect([...graph.readersOf(['memo:dvt.ddimer'])].sort()).toEqual([
      'dvt.ddimerExplanation',
      'dvt.decision',
      'memo:dvt.ddimer',
    ]);
    expect([...graph.readersOf(['patient.ageYears'])].sort()).toEqual([
      'dvt.decision',
      'patient.ageYears',
    ]);
  });

  it('knows the node being computed, and nothing outside any computation', () => {
    const graph = new ReadGraph();
    expect(graph.current()).toBeUndefined();
    expect(graph.within('a', () => graph.within('b', () => graph.current()))).toBe('b');
    graph.read('c');
    expect([...graph.readersOf(['c'])]).toEqual(['c']);
  });

  it('pops the node when its computation throws', () => {
    const graph = new ReadGraph();
    expect(() =>
      graph.within('a', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(graph.current()).toBeUndefined();
  });
});
