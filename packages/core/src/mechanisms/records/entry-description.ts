/** A record entry in the words of a clinician line: its name as the record gives it and its day. */
export interface EntryDescription {
  /** The record's own name for it (code text or first display), when it has one. */
  readonly name?: string;
  /** Its clinically relevant instant, epoch ms, when known to the day. */
  readonly atMs?: number;
}
