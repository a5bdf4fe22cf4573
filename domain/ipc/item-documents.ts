// Contract of documents/decision: the decision notice (审核结果通知书 / 退出确认书 / 变更确认书) any
// catalogue item prints once its case is decided, built from the item's definition and the case's
// events (domain/catalogue/decision-notice.ts). Masked ID numbers only.
import type { RenderedPdf } from './documents';

export interface DecisionNoticeData {
  /** The document's title from the catalogue's document kinds, e.g. 审核结果通知书. */
  readonly title: string;
  readonly documentNo: string;
  readonly officeName: string;
  readonly date: string;
  readonly applicantName: string;
  readonly idMasked: string;
  /** The item's name in the catalogue, with the catalogue version the case ran under. */
  readonly itemName: string;
  readonly catalogueVersion: string;
  readonly receiptNo: string | null;
  /** 准予 / 不予 / 已办结 / 已退出… and the decider's opinion or reason. */
  readonly outcome: string;
  readonly opinion: string;
  readonly decidedBy: string;
  readonly decidedOn: string;
  /** The stages the case went through, with the date each was completed. */
  readonly stages: readonly { readonly name: string; readonly on: string }[];
  /** Materials the item asks for (what the decision rests on). */
  readonly materials: readonly string[];
  readonly nextSteps: readonly string[];
}

export type ItemDocumentHandlers = {
  'documents/decision': (args: DecisionNoticeData) => Promise<RenderedPdf>;
};
