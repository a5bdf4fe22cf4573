// Which materials the clerk has ticked as received. Before the members are known a per-member
// material is one line (its code); once they are, it is one line per member (`code:memberKey`).
// A tick on the one line stays a tick on each member's line, so nothing ticked at step 1 is lost
// when members are added, renamed or removed.
import type { ChecklistItem } from './draft';

const isPerMember = (item: ChecklistItem) => item.id !== item.code;

/** Is this checklist line received? */
export function isReceived(item: ChecklistItem, received: readonly string[]): boolean {
  if (received.includes(item.id)) return true;
  // A per-member line is ticked by a tick on its material as a whole (made before members were known).
  if (isPerMember(item)) return received.includes(item.code);
  // The whole-material line is ticked when any member's line of it was.
  return received.some((r) => r.startsWith(`${item.code}:`));
}

/** The lines of the checklist that are received. */
export const receivedItems = (items: readonly ChecklistItem[], received: readonly string[]): ChecklistItem[] =>
  items.filter((i) => isReceived(i, received));

/**
 * `received` after the clerk sets the ticked lines of the current checklist to `ticked`. Ticks on
 * lines not shown now (other members, the material as a whole) are kept unless they would re-tick
 * a line the clerk has just unticked.
 */
export function setReceived(items: readonly ChecklistItem[], received: readonly string[], ticked: readonly string[]): string[] {
  const shown = new Set(items.map((i) => i.id));
  const unticked = items.filter((i) => !ticked.includes(i.id));
  const kept = received.filter((r) => {
    if (shown.has(r)) return false;
    const code = r.split(':')[0]!;
    // A material-wide tick (or another member's) that would re-tick a line unticked now goes.
    return !unticked.some((i) => i.code === code && (r === code || i.id === code));
  });
  return [...new Set([...kept, ...ticked])];
}
