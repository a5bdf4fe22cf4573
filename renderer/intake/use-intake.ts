// State of the intake in progress, autosaved (sealed) after every change.
import { useCallback, useEffect, useRef, useState } from 'react';
import { newDraft, type IntakeDraft } from '../../domain/intake/draft';
import type { ActiveSession } from '../session/session';
import { clearDraft, loadDraft, saveDraft } from './draft-store';

export interface IntakeState {
  readonly draft: IntakeDraft | undefined;
  readonly resumed: boolean;
  /** Applies a change; resolves true once the draft with it is saved (sealed), false if that failed. */
  update(change: (d: IntakeDraft) => IntakeDraft): Promise<boolean>;
  restart(): Promise<void>;
}

export function useIntake(session: ActiveSession): IntakeState {
  const [draft, setDraft] = useState<IntakeDraft>();
  const [resumed, setResumed] = useState(false);
  const saving = useRef(Promise.resolve());
  const { db, keys } = session.cases;

  useEffect(() => {
    let live = true;
    void loadDraft(db, keys).then((found) => {
      if (!live) return;
      setResumed(found !== undefined);
      setDraft(found ?? newDraft(`case:${crypto.randomUUID()}`, new Date().toISOString()));
    });
    return () => {
      live = false;
    };
  }, [db, keys]);

  const update = useCallback(
    (change: (d: IntakeDraft) => IntakeDraft) =>
      new Promise<boolean>((resolve) => {
        setDraft((current) => {
          if (!current) {
            resolve(false);
            return current;
          }
          const next = change(current);
          // Saves run one after another, so the last change is the one that stays.
          const save = saving.current.then(() => saveDraft(db, keys, next));
          saving.current = save.catch(() => undefined);
          save.then(() => resolve(true), () => resolve(false));
          return next;
        });
      }),
    [db, keys],
  );

  const restart = useCallback(async () => {
    await saving.current;
    await clearDraft(db);
    setResumed(false);
    setDraft(newDraft(`case:${crypto.randomUUID()}`, new Date().toISOString()));
  }, [db]);

  return { draft, resumed, update, restart };
}
