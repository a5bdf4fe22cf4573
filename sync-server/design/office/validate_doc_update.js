function (newDoc, oldDoc, userCtx, secObj) {
  // Runs in CouchDB's JavaScript engine: plain ES5, no imports.
  var roles = userCtx.roles || [];
  var isAdmin = roles.indexOf('_admin') !== -1;
  if (newDoc._deleted) {
    if (!isAdmin) throw { forbidden: '工作站不能删除中心库中的记录' };
    return;
  }
  if (typeof newDoc.type !== 'string' || newDoc.type === '') throw { forbidden: '文档缺少 type 字段' };
  if (typeof newDoc.schemaVersion !== 'number') throw { forbidden: '文档缺少 schemaVersion 字段' };
  if (typeof newDoc.officeId !== 'string' || newDoc.officeId === '') throw { forbidden: '文档缺少所属办事处 officeId' };
  if (isAdmin) return;
  if (roles.indexOf('office:' + newDoc.officeId) === -1) {
    throw { forbidden: '不能写入其他办事处的记录(' + newDoc.officeId + ')' };
  }
  if (oldDoc && oldDoc.officeId !== newDoc.officeId) throw { forbidden: '不能更改记录的所属办事处' };
}
