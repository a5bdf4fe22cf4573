function (newDoc, oldDoc, userCtx, secObj) {
  // Reference data (offices, programmes, thresholds) is maintained centrally: read-only to workstations.
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') === -1) throw { forbidden: '参考数据只能由中心管理员维护' };
}
