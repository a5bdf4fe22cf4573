// Card ↔ paper names where the recogniser cannot read a character of the card's name: the clerk
// sees a note to check it by eye, not a mismatch that flags the case, and only when the paper's ID
// number is the card's.
import { describe, expect, it } from 'vitest';
import type { IdCard } from '../devices';
import { modelCanRead } from '../ocr/model-chars';
import { blankMember, type IntakeDraft, newDraft } from './draft';
import { hasMismatch, identityEvidence } from './identity-evidence';

const card = (name: string, idNumber: string): IdCard => ({
  name, genderCode: '2', nationCode: '01', birthDate: '1988-03-15', address: '广东省深圳市福田区福华路123号',
  idNumber, issuer: '深圳市公安局福田分局', validFrom: '2016-05-20', validTo: '2036-05-20', photoWlt: 'AAEC',
});
const ID = '44030419880315002X';

function draftWith(cardName: string, paper: Record<string, string>): IntakeDraft {
  return {
    ...newDraft('case:t', '2026-11-30T02:00:00.000Z'),
    members: [{ ...blankMember('a', 'applicant'), name: cardName, idNumber: ID, card: card(cardName, ID) }],
    scans: [{ key: 'k1', materialCode: 'income_proof', fileName: 'p.png', mimeType: 'image/png', contentId: 'c', byteLength: 1, fields: paper, text: '' }],
  };
}
const paperPair = (d: IntakeDraft) => identityEvidence(d, {}).pairs.find((p) => p.pair === 'card_paper')!;

describe('card ↔ paper names with characters the recogniser cannot read', () => {
  it('knows which characters are rare for the model', () => {
    expect(modelCanRead('赟')).toBe(false);
    expect(modelCanRead('曌')).toBe(false);
    expect(modelCanRead('晓')).toBe(true);
    expect(modelCanRead('A')).toBe(true);
  });

  it('a rare character read as another or lost, the number the same: a match with a note naming the character', () => {
    for (const read of ['董婧贇', '董婧']) {
      const pair = paperPair(draftWith('董婧赟', { name: read, idNumber: ID }));
      expect(pair.result).toBe('match');
      const check = pair.checks.find((c) => c.what.endsWith('姓名'))!;
      expect([check.left, check.right]).toEqual(['董婧赟', read]);
      expect(check.note).toContain('“赟”');
    }
  });

  it('any other difference is still a mismatch, and so is the rare character without the number to tie the paper to the card', () => {
    const other = draftWith('董婧赟', { name: '董静赟', idNumber: ID });
    expect(paperPair(other).result).toBe('mismatch');
    expect(hasMismatch(identityEvidence(other, {}))).toBe(true);
    // A name made only of readable characters has nothing the model could not read.
    expect(paperPair(draftWith('陈晓梅', { name: '陈晓', idNumber: ID })).result).toBe('mismatch');
    // No number on the paper: nothing ties it to this card but the name itself.
    expect(paperPair(draftWith('董婧赟', { name: '董婧贇' })).result).toBe('mismatch');
    // Another person's number on the paper.
    expect(paperPair(draftWith('董婧赟', { name: '董婧贇', idNumber: '110105198807081243' })).result).toBe('mismatch');
  });
});
