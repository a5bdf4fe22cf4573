// Stage sequences the items share. The application lifecycle is the one the workflow engine
// enforced in code (domain/workflow/transitions.ts): the catalogue test holds the two equal.
import type { Role } from '../model/events';
import type { StageAction, StageDef, StageStatus, Text } from './types';

const t = (zh: string, en: string): Text => ({ zh, en });
const stage = (
  id: string,
  name: Text,
  status: StageStatus,
  roles: readonly Role[],
  deadlineDays: number | null,
  actions: readonly StageAction[],
): StageDef => (actions.length === 0 ? { id, name, status, roles, deadlineDays, actions, terminal: true } : { id, name, status, roles, deadlineDays, actions });

const REVIEWERS: readonly Role[] = ['reviewer', 'district_reviewer'];

/** The counter's part: submitted, returned for corrections (clock paused), withdrawn. */
function counter(firstReview: string): StageDef[] {
  return [
    stage('draft', t('填写申请', 'Filling in'), 'new', ['clerk'], null, [{ event: 'submit', to: 'submitted' }]),
    stage('submitted', t('窗口受理', 'At the counter'), 'submitted', ['clerk'], null, [
      { event: 'accept', to: firstReview },
      { event: 'return', to: 'returned' },
      { event: 'exit', to: 'withdrawn' },
    ]),
    stage('returned', t('待补正', 'Waiting for corrections'), 'returned', ['clerk'], null, [
      { event: 'submit', to: 'submitted' },
      { event: 'exit', to: 'withdrawn' },
    ]),
    stage('withdrawn', t('已撤回', 'Withdrawn'), 'exited', [], null, []),
  ];
}

const rejected = (): StageDef => stage('rejected', t('不予通过', 'Rejected'), 'rejected', [], null, []);

export interface Limits {
  readonly preliminary: number;
  readonly review: number;
}

/** 初审 at the street (or by the district) and 复审 at the district. */
function reviews(limits: Limits, approved: string): StageDef[] {
  return [
    stage('preliminary', t('街道初审', 'Street review'), 'accepted', REVIEWERS, limits.preliminary, [
      { event: 'preliminary_approve', to: 'review' },
      { event: 'preliminary_reject', to: 'rejected' },
      { event: 'return', to: 'returned' },
    ]),
    stage('review', t('区级复审', 'District review'), 'preliminary_approved', ['district_reviewer'], limits.review, [
      { event: 'review_approve', to: approved },
      { event: 'review_reject', to: 'rejected' },
      { event: 'return', to: 'returned' },
    ]),
    rejected(),
  ];
}

/**
 * An application for housing or a subsidy: counter, two reviews, publicity with objections, the
 * waiting list, allocation and the contract. `publicityDays` is the publicity period.
 */
export function applicationStages(limits: Limits, publicityDays: number): StageDef[] {
  return [
    ...counter('preliminary'),
    ...reviews(limits, 'approved'),
    stage('approved', t('待公示', 'Waiting for publicity'), 'review_approved', ['district_reviewer'], null, [{ event: 'publicity', to: 'publicity' }]),
    stage('publicity', t('公示', 'Publicity'), 'in_publicity', ['district_reviewer'], publicityDays, [
      { event: 'waitlist', to: 'waiting' },
      { event: 'objection', to: 'review', roles: REVIEWERS },
      { event: 'review_reject', to: 'rejected' },
    ]),
    stage('waiting', t('轮候', 'Waiting list'), 'waiting', ['district_reviewer'], null, [
      { event: 'allocate', to: 'allocated' },
      { event: 'exit', to: 'withdrawn' },
    ]),
    stage('allocated', t('已配租配售', 'Allocated'), 'allocated', ['district_reviewer'], null, [
      { event: 'contract', to: 'contracted', roles: ['clerk'] },
      { event: 'exit', to: 'withdrawn' },
    ]),
    stage('contracted', t('已签约', 'Contract signed'), 'contracted', [], null, []),
  ];
}

/** A change decided by the street and confirmed by the district (renewal, members, rent…). */
export function twoReviewStages(limits: Limits): StageDef[] {
  return [...counter('preliminary'), ...reviews(limits, 'approved'), stage('approved', t('已核准', 'Approved'), 'review_approved', [], null, [])];
}

/** A change the street decides alone. */
export function streetDecisionStages(days: number): StageDef[] {
  return [
    ...counter('preliminary'),
    stage('preliminary', t('街道审核', 'Street decision'), 'accepted', REVIEWERS, days, [
      { event: 'preliminary_approve', to: 'approved' },
      { event: 'preliminary_reject', to: 'rejected' },
      { event: 'return', to: 'returned' },
    ]),
    stage('approved', t('已核准', 'Approved'), 'completed', [], null, []),
    rejected(),
  ];
}

/** Done at the counter on the spot (即办件): accepted is the end. */
export function onTheSpotStages(): StageDef[] {
  return [...counter('done'), stage('done', t('已办结', 'Done'), 'completed', [], null, [])];
}

/** A unit swap or exit ends with the contract changed or the unit handed back. */
export function exitStages(limits: Limits): StageDef[] {
  return [
    ...counter('preliminary'),
    ...reviews(limits, 'handover'),
    stage('handover', t('退房交接', 'Handing back the unit'), 'review_approved', ['district_reviewer'], 30, [{ event: 'exit', to: 'left' }]),
    stage('left', t('已退出', 'Left'), 'exited', [], null, []),
  ];
}

export function swapStages(limits: Limits): StageDef[] {
  return [
    ...counter('preliminary'),
    ...reviews(limits, 'waiting'),
    stage('waiting', t('等待调换房源', 'Waiting for a unit'), 'waiting', ['district_reviewer'], null, [
      { event: 'allocate', to: 'allocated' },
      { event: 'exit', to: 'withdrawn' },
    ]),
    stage('allocated', t('已配房', 'Unit offered'), 'allocated', ['district_reviewer'], null, [
      { event: 'contract', to: 'contracted', roles: ['clerk'] },
      { event: 'exit', to: 'withdrawn' },
    ]),
    stage('contracted', t('已换签合同', 'New contract signed'), 'contracted', [], null, []),
  ];
}

/** An act on an open case: recorded once, the case goes on under its own item. */
export function actStages(event: 'submit' | 'objection' | 'exit', roles: readonly Role[]): StageDef[] {
  return [
    stage('draft', t('登记', 'Recording'), 'new', roles, null, [{ event, to: 'recorded' }]),
    stage('recorded', t('已登记', 'Recorded'), 'completed', [], null, []),
  ];
}
