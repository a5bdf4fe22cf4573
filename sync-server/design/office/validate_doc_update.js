function (newDoc, oldDoc, userCtx, secObj) {
  // Refused from anyone, administrators too: setup writes one to confirm that these rules are in
  // force on every copy of the database (sync-server/setup.ts rulesInForce).
  if (newDoc.type === 'hws_rules_probe') throw { forbidden: 'hws_rules_probe' };
  // Runs in CouchDB's JavaScript engine. load.ts puts the shared shape check (checkShape, from
  // domain/sync/shape.ts) and the permission tables (TYPE_WRITERS, EVENT_WRITERS,
  // ITEM_EVENT_WRITERS, ITEM_EVENT_WRITERS_BY_VERSION, IMMUTABLE_TYPES, SIGNED_TYPES, MERGEABLE_TYPES, from
  // domain/sync/permissions.ts; EVENT_LABELS) in place of the next line.
  /* @inline */
  var roles = userCtx.roles || [];
  var has = function (list, x) { return list.indexOf(x) !== -1; };
  var isAdmin = has(roles, '_admin');
  if (newDoc._deleted) {
    if (isAdmin) return;
    // The one deletion open to a workstation: closing the losing revision of a conflict the server
    // stored, after merging it into the shown one (renderer/sync/stored-conflicts.ts).
    var closesConflict = oldDoc && !oldDoc._deleted && typeof newDoc.mergedInto === 'string' &&
      has(MERGEABLE_TYPES, oldDoc.type) && has(roles, 'office:' + oldDoc.officeId) &&
      (TYPE_WRITERS[oldDoc.type] || []).some(function (r) { return has(roles, r); });
    if (!closesConflict) throw { forbidden: '工作站不能删除中心库中的记录' };
    return;
  }
  var shapeError = checkShape(newDoc);
  if (shapeError) throw { forbidden: shapeError };
  if (isAdmin) return;

  // Scope: the user's own office, or a street database of the user's district (district reviewers
  // are members through their district:<id> role, and write only records of that street).
  var members = (secObj && secObj.members && secObj.members.roles) || [];
  var officeRole = 'office:' + newDoc.officeId;
  var viaDistrict = has(members, officeRole) && roles.some(function (r) { return r.indexOf('district:') === 0 && has(members, r); });
  if (!has(roles, officeRole) && !viaDistrict) throw { forbidden: '不能写入其他办事处的记录(' + newDoc.officeId + ')' };

  if (oldDoc && !oldDoc._deleted) {
    if (oldDoc.officeId !== newDoc.officeId) throw { forbidden: '不能更改记录的所属办事处' };
    if (oldDoc.type !== newDoc.type) throw { forbidden: '不能更改记录的类型(' + oldDoc.type + ')' };
    if (has(IMMUTABLE_TYPES, oldDoc.type)) throw { forbidden: '事件记录写入后不能修改,请追加新的事件' };
  }

  // Authority by signature: a case event or audit entry is written only by its own actor, signed.
  // The signature itself is checked by every reader (this engine has no ECDSA).
  if (has(SIGNED_TYPES, newDoc.type)) {
    var actor = newDoc.actor || {};
    if (actor.userId !== userCtx.name) throw { forbidden: '记录的经办人(' + actor.userId + ')不是登录账号(' + userCtx.name + '),只能以本人名义登记' };
    if (!newDoc.signature) throw { forbidden: '记录缺少经办人签名,不能写入' };
  }

  var writers = TYPE_WRITERS[newDoc.type];
  if (!writers) throw { forbidden: '办事处库不接受此类文档(' + newDoc.type + ')' };
  if (!writers.some(function (r) { return has(roles, r); })) throw { forbidden: '当前角色无权写入此类记录(' + newDoc.type + ')' };
  // Field inspections: a visit is recorded by its own inspector; an inspector (not supervising)
  // adds only re-inspections for itself and changes no task, so none can take or drop a task.
  // A visit without its inspector's id is refused: every finding names who recorded it.
  if (newDoc.type === 'inspection') {
    if (typeof newDoc.inspectorId !== 'string' || newDoc.inspectorId === '') throw { forbidden: '核查记录缺少核查员账号(inspectorId),不能写入' };
    if (newDoc.inspectorId !== userCtx.name) throw { forbidden: '核查记录的核查员(' + newDoc.inspectorId + ')不是登录账号(' + userCtx.name + '),只能以本人名义登记' };
  }
  // A task's id begins with its inspector's name: a laptop reads its tasks as one key range.
  if (newDoc.type === 'inspection_task' && String(newDoc._id).indexOf('inspection_task:' + newDoc.inspectorId + ':') !== 0) {
    throw { forbidden: '核查任务编号须以其核查员账号开头(inspection_task:' + newDoc.inspectorId + ':…)' };
  }
  if (newDoc.type === 'inspection_task' && !has(roles, 'reviewer') && !has(roles, 'district_reviewer')) {
    if (newDoc.reason !== 'reinspection' || newDoc.inspectorId !== userCtx.name || (oldDoc && !oldDoc._deleted)) throw { forbidden: '核查员只能为本人安排复查任务,不能更改分派的任务' };
  }
  if (newDoc.type === 'case_event') {
    var kindWriters = EVENT_WRITERS[newDoc.kind];
    if (!kindWriters) throw { forbidden: '未知的办件事件(' + newDoc.kind + ')' };
    var actorRoles = newDoc.actor.roles;
    for (var i = 0; i < actorRoles.length; i++) {
      if (!has(roles, actorRoles[i])) throw { forbidden: '事件经办人的角色与登录账号不符' };
    }
    // The case's business item, as the event names it (a submission's item or programme; the item
    // the workstation adds to a later act's payload, see eventItem in domain/workflow/decide.ts):
    // the act must be one of the item's, for one of the writer's roles. The stage the case is at
    // now is checked by every workstation that derives the case; an event of an older workstation
    // names no item and is checked by kind and role only (the catalogue in force at setup).
    var payload = newDoc.payload || {};
    var itemCode = payload.item !== undefined ? payload.item : newDoc.kind === 'submit' ? payload.businessItem : undefined;
    if (itemCode !== undefined) {
      // The version the case started under, when the event names one the centre published: its
      // rules; otherwise those of any version published (a case keeps its version).
      var writersOf = typeof payload.catalogueVersion === 'string' && Object.prototype.hasOwnProperty.call(ITEM_EVENT_WRITERS_BY_VERSION, payload.catalogueVersion) ? ITEM_EVENT_WRITERS_BY_VERSION[payload.catalogueVersion] : ITEM_EVENT_WRITERS;
      var item = typeof itemCode === 'string' && Object.prototype.hasOwnProperty.call(writersOf, itemCode) ? writersOf[itemCode] : null;
      if (!item) throw { forbidden: '办件事件所标的业务事项不在事项目录中(' + itemCode + ')' };
      var label = EVENT_LABELS[newDoc.kind] || newDoc.kind;
      var itemWriters = Object.prototype.hasOwnProperty.call(item.kinds, newDoc.kind) ? item.kinds[newDoc.kind] : null;
      if (!itemWriters) throw { forbidden: '“' + item.name + '”没有“' + label + '”环节,不能登记此办件事件(' + newDoc.kind + ')' };
      if (!itemWriters.some(function (r) { return has(roles, r); })) throw { forbidden: '当前角色无权在“' + item.name + '”中登记“' + label + '”(' + newDoc.kind + ')' };
    } else if (!kindWriters.some(function (r) { return has(roles, r); })) {
      throw { forbidden: '当前角色无权登记此办件事件(' + newDoc.kind + ')' };
    }
  }
}
