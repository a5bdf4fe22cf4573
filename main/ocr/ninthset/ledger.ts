// Account movements for the bank pages: a salary each month, transfers in, spending and cash out,
// in date order with a running balance that never goes below zero.
import type { Rng } from '../../../domain/seed/prng';
import { addMonths, amount, dateBetween, dayOf, isoOfDay } from './forms';

export interface Movement {
  readonly date: string;
  /** Positive in, negative out. */
  readonly amount: number;
  readonly balance: number;
  readonly memo: string;
  readonly party: string;
}

export interface Ledger {
  readonly start: string;
  readonly end: string;
  readonly opening: number;
  readonly rows: readonly Movement[];
  readonly credit: number;
  readonly debit: number;
  readonly credits: number;
  readonly debits: number;
  readonly closing: number;
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const SPEND: [string, string][] = [
  ['消费', '美团支付'],
  ['快捷支付', '支付宝-天猫'],
  ['财付通', '微信支付-美宜佳'],
  ['取现', 'ATM取款'],
  ['转账', '房东'],
  ['代扣', '深圳供电局'],
  ['代扣', '深圳市水务集团'],
  ['还款', '信用卡还款'],
  ['消费', '华润万家'],
  ['转账', '网银转出'],
];
const IN: [string, string][] = [
  ['转账', '微信零钱提现'],
  ['转账', '网银转入'],
  ['结息', '利息'],
  ['退款', '支付宝退款'],
];

/** Movements between `start` and `end` (at most `limit` rows), salary from `employer`. */
export function ledger(rng: Rng, employer: string, limit: number, latest = '2026-11-28'): Ledger {
  const months = rng.pick([3, 6, 6, 12]);
  const end = dateBetween(rng, '2020-03-01', latest);
  const start = addMonths(end, -months);
  const pay = amount(rng, 9000, 3500, 0.01, 2500);
  const payDay = rng.int(5, 15);
  const events: { date: string; amount: number; memo: string; party: string }[] = [];
  for (let m = 0; m <= months; m++) {
    const d = `${addMonths(start, m).slice(0, 8)}${String(payDay).padStart(2, '0')}`;
    if (d >= start && d <= end) events.push({ date: d, amount: round2(pay * (0.92 + rng.next() * 0.16)), memo: '代发工资', party: employer });
  }
  const others = Math.max(0, limit - events.length - rng.int(0, 3));
  for (let i = 0; i < others; i++) {
    const date = isoOfDay(rng.int(dayOf(start), dayOf(end)));
    if (rng.chance(0.2)) {
      const [memo, party] = rng.pick(IN);
      events.push({ date, amount: memo === '结息' ? amount(rng, 3, 2, 0.01) : amount(rng, 800, 600, 0.01, 20), memo, party });
    } else {
      const [memo, party] = rng.pick(SPEND);
      events.push({ date, amount: -(memo === '转账' && party === '房东' ? amount(rng, 2800, 600, 100) : amount(rng, 650, 700, 0.01, 5)), memo, party });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : b.amount - a.amount));
  let balance = amount(rng, 5000, 4000, 0.01, 50);
  const opening = balance;
  const rows: Movement[] = [];
  for (const e of events) {
    if (balance + e.amount < 0) continue;
    balance = round2(balance + e.amount);
    rows.push({ ...e, balance });
  }
  const ins = rows.filter((r) => r.amount > 0);
  const outs = rows.filter((r) => r.amount < 0);
  return {
    start,
    end,
    opening,
    rows,
    credit: round2(ins.reduce((s, r) => s + r.amount, 0)),
    debit: round2(-outs.reduce((s, r) => s + r.amount, 0)),
    credits: ins.length,
    debits: outs.length,
    closing: balance,
  };
}

/** A card number: six digits of the issuer's BIN then digits to `length`. */
export function cardNumber(rng: Rng, bin: string, length: number): string {
  let out = bin;
  while (out.length < length) out += String(rng.int(0, 9));
  return out;
}

/** The card number as a statement masks it: first six, stars, last four. */
export const masked = (card: string): string => `${card.slice(0, 6)}${'*'.repeat(card.length - 10)}${card.slice(-4)}`;
