function (newDoc, oldDoc, userCtx, secObj) {
  // Refused from anyone, administrators too: setup writes one to confirm that these rules are in
  // force on every copy of the database (sync-server/setup.ts rulesInForce).
  if (newDoc.type === 'hws_rules_probe') throw { forbidden: 'hws_rules_probe' };
  // A user's own database: its profile and data keys are written by the centre's administrators
  // only. The user is its only member and may read it, never change what it says.
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') === -1) throw { forbidden: '账号资料和数据密钥只能由中心管理员维护' };
}
