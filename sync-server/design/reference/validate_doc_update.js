function (newDoc, oldDoc, userCtx, secObj) {
  // Reference data (offices, programmes, thresholds) is maintained centrally: read-only to
  // workstations. The one exception: a user registers their own signing key (a `staff_key`
  // document named after them), once; it can never be changed but by an administrator.
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  if (newDoc.type !== 'staff_key') throw { forbidden: '参考数据只能由中心管理员维护' };
  if (oldDoc && !oldDoc._deleted) throw { forbidden: '签名密钥登记后不能修改' };
  if (newDoc._deleted) throw { forbidden: '签名密钥登记后不能删除' };
  if (newDoc.name !== userCtx.name) throw { forbidden: '只能登记本人的签名密钥' };
  if (newDoc._id !== 'staff_key:' + newDoc.name + ':' + newDoc.keyId) throw { forbidden: '签名密钥记录的编号不符' };
  if (roles.indexOf('office:' + newDoc.officeId) === -1) throw { forbidden: '签名密钥记录的办事处与账号不符' };
  if (typeof newDoc.publicKey !== 'string' || newDoc.publicKey.length < 80 || newDoc.publicKey.length > 200) throw { forbidden: '签名公钥格式不正确' };
  if (newDoc.revokedAt) throw { forbidden: '只有管理员能吊销签名密钥' };
  // The roles a key speaks for are the ones the server gives the user, never more.
  if (newDoc.roles !== undefined) {
    if (!Array.isArray(newDoc.roles)) throw { forbidden: '签名密钥的岗位格式不正确' };
    for (var i = 0; i < newDoc.roles.length; i++) {
      if (typeof newDoc.roles[i] !== 'string' || newDoc.roles[i].charAt(0) === '_' || roles.indexOf(newDoc.roles[i]) === -1) throw { forbidden: '签名密钥登记的岗位与账号不符' };
    }
  }
}
