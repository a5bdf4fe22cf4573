// Revisions this workstation wrote to one server database (pushed documents, uploaded file
// contents). The notifier does not wake the collections for changes that are only these, and the
// pull does not fetch them back. Bounded: a revision not remembered is merely fetched back.

// An office's backlog of 10,000 cases is about 80,000 documents: below that bound the rest of a big
// push looked foreign, woke the pulls and was fetched back (bench: 10,000-case push 60 s → 49 s,
// PouchDB 55–59 s). 200,000 short id/revision pairs are a few tens of megabytes at most.
export const MAX_OWN_WRITES = 200_000;

export interface OwnWrites {
  remember(id: string, rev: string): void;
  /** Whether a change (its leaf revisions, `style=all_docs`) is exactly a revision written here. */
  isOwn(id: string, revs: readonly string[]): boolean;
  /** As `isOwn`, and forgets the revision: the pull has seen it. */
  take(id: string, revs: readonly string[]): boolean;
  /** Runs a write whose revisions are remembered when it ends; the feed may show them before. */
  track<T>(write: Promise<T>): Promise<T>;
  /** Resolves once the writes running now have ended (and their revisions are remembered). */
  writesEnded(): Promise<void>;
}

export function ownWrites(max = MAX_OWN_WRITES): OwnWrites {
  const revs = new Map<string, string>();
  const running = new Set<Promise<unknown>>();
  const isOwn = (id: string, leaves: readonly string[]) => leaves.length === 1 && revs.get(id) === leaves[0];
  return {
    remember(id, rev) {
      if (revs.size < max || revs.has(id)) revs.set(id, rev);
    },
    isOwn,
    take(id, leaves) {
      const own = isOwn(id, leaves);
      if (own) revs.delete(id);
      return own;
    },
    track(write) {
      running.add(write);
      const forget = () => running.delete(write);
      write.then(forget, forget);
      return write;
    },
    async writesEnded() {
      await Promise.allSettled([...running]);
    },
  };
}
