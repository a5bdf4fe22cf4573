// The shape check every central document passes, run on both sides: by the workstation before a
// push and after a pull, and by the server's validate_doc_update, into which
// sync-server/design/load.ts inlines this function's source. Keep it one self-contained
// function: no imports, no inner functions, no closures (its text is all the server gets).

/** Answers null when the document's shape is acceptable, otherwise the reason in Chinese. */
export function checkShape(doc: Record<string, unknown>): string | null {
  if (doc._deleted === true) return null;
  if (typeof doc.type !== 'string' || doc.type === '') return '文档缺少 type 字段';
  if (typeof doc.schemaVersion !== 'number') return '文档缺少 schemaVersion 字段';
  if (typeof doc.officeId !== 'string' || doc.officeId === '') return '文档缺少所属办事处 officeId';
  if (doc.type === 'case_event') {
    if (typeof doc.caseId !== 'string' || doc.caseId === '') return '办件事件缺少 caseId';
    if (typeof doc.kind !== 'string' || doc.kind === '') return '办件事件缺少 kind';
    const actor = doc.actor as { roles?: unknown } | undefined;
    if (!actor || typeof actor !== 'object' || !Array.isArray(actor.roles)) return '办件事件缺少经办人 actor';
  }
  if ((doc.type === 'case_event' || doc.type === 'audit_event') && doc.signature !== undefined) {
    // Form only: the server cannot check an ECDSA signature; every reader verifies it.
    const sig = doc.signature as { alg?: unknown; keyId?: unknown; value?: unknown } | null;
    if (!sig || typeof sig !== 'object' || sig.alg !== 'ES256') return '签名格式不正确(应为 ES256)';
    if (typeof sig.keyId !== 'string' || !/^[0-9a-f]{16}$/.test(sig.keyId)) return '签名的密钥编号格式不正确';
    if (typeof sig.value !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(sig.value)) return '签名值格式不正确';
    const signer = doc.actor as { userId?: unknown } | undefined;
    if (!signer || typeof signer.userId !== 'string' || signer.userId === '') return '签名记录缺少经办人账号 actor.userId';
  }
  if (doc.type === 'scan' && doc._attachments !== undefined) {
    const files = doc._attachments as Record<string, unknown>;
    if (typeof files !== 'object' || files === null || Object.keys(files).length > 1) return '扫描件只能带一个加密附件';
  }
  // Projections of case schema 2; a case of an older workstation has neither and stays acceptable.
  if (doc.type === 'case' && doc.dueOn !== undefined && (typeof doc.dueOn !== 'string' || !/^(\d{4}-\d{2}-\d{2})?$/.test(doc.dueOn))) return '办件的办理期限 dueOn 格式不正确(应为 YYYY-MM-DD 或空)';
  if (doc.type === 'case' && doc.flags !== undefined && !Array.isArray(doc.flags)) return '办件的审核提示 flags 应为列表';
  if (doc.type === 'sync_health' && typeof doc.workstationId !== 'string') return '同步状态文档缺少 workstationId';
  // With the masked number a clear birth date gives all 18 ID digits: it lives only in the sealed number (people schema 2).
  if (doc.type === 'person' && (doc.birthDate !== undefined || doc.cardValidFrom !== undefined)) return '人员记录不能带明文出生日期或证件起始日期(请升级工作站)';
  return null;
}
