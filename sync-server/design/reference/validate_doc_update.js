function (newDoc, oldDoc, userCtx, secObj) {
  // Refused from anyone, administrators too: setup writes one to confirm that these rules are in
  // force on every copy of the database (sync-server/setup.ts rulesInForce).
  if (newDoc.type === 'hws_rules_probe') throw { forbidden: 'hws_rules_probe' };
  // Reference data (offices, programmes, thresholds) is maintained centrally: read-only to
  // workstations. Two exceptions: IT staff maintain the reason codes of decisions, the holiday
  // calendar and the deficiencies of field inspections (`reason_code`, `holiday_calendar`,
  // `deficiency`), and a user registers their own signing key (a
  // `staff_key` document named after them), once; it can never be changed but by an administrator.
  var roles = userCtx.roles || [];
  if (roles.indexOf('_admin') !== -1) return;
  var itTypes = ['reason_code', 'holiday_calendar', 'deficiency'];
  if (itTypes.indexOf(newDoc.type) !== -1 || (oldDoc && itTypes.indexOf(oldDoc.type) !== -1)) {
    if (roles.indexOf('it') === -1) throw { forbidden: newDoc.type === 'deficiency' || (oldDoc && oldDoc.type === 'deficiency') ? '房屋状况问题及整改期限只能由信息技术人员维护' : '审核理由和节假日安排只能由信息技术人员维护' };
    if (newDoc._deleted) return;
    if (oldDoc && !oldDoc._deleted && oldDoc.type !== newDoc.type) throw { forbidden: '不能改变参考数据的类型' };
    if (newDoc.type === 'reason_code') {
      if (typeof newDoc.code !== 'string' || !/^[A-Z][A-Z0-9]{1,15}$/.test(newDoc.code)) throw { forbidden: '审核理由代码格式不正确' };
      if (newDoc._id !== 'reason_code:' + newDoc.code) throw { forbidden: '审核理由记录的编号不符' };
      if (['return', 'reject', 'approve'].indexOf(newDoc.use) === -1) throw { forbidden: '审核理由的用途不正确' };
      if (typeof newDoc.zh !== 'string' || newDoc.zh === '') throw { forbidden: '审核理由缺少中文说明' };
      if (typeof newDoc.active !== 'boolean') throw { forbidden: '审核理由缺少启用标记 active' };
      return;
    }
    if (newDoc.type === 'holiday_calendar') {
      if (typeof newDoc.year !== 'number' || newDoc._id !== 'holiday_calendar:' + newDoc.year) throw { forbidden: '节假日安排记录的编号与年份不符' };
      if (!Array.isArray(newDoc.entries)) throw { forbidden: '节假日安排缺少日期列表 entries' };
      for (var i = 0; i < newDoc.entries.length; i++) {
        var e = newDoc.entries[i] || {};
        if (typeof e.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(e.date) || e.date.slice(0, 4) !== String(newDoc.year)) throw { forbidden: '节假日安排的日期不正确或不属于该年份:' + e.date };
        if (e.kind !== 'holiday' && e.kind !== 'workday') throw { forbidden: '节假日安排的类别应为放假或调休上班' };
        if (typeof e.name !== 'string' || e.name === '') throw { forbidden: '节假日安排缺少节日名称' };
      }
      return;
    }
    if (newDoc.type === 'deficiency') {
      // Inspection deficiencies (NSPIRE-style): life-threatening and severe ones are corrected within 24 hours.
      if (typeof newDoc.code !== 'string' || !/^[a-z][a-z0-9_]{1,39}$/.test(newDoc.code)) throw { forbidden: '房屋状况问题代码格式不正确' };
      if (newDoc._id !== 'deficiency:' + newDoc.code) throw { forbidden: '房屋状况问题记录的编号不符' };
      if (['life_threatening', 'severe', 'moderate', 'low'].indexOf(newDoc.severity) === -1) throw { forbidden: '房屋状况问题的严重程度不正确' };
      if (typeof newDoc.hours !== 'number' || newDoc.hours % 1 !== 0 || newDoc.hours < 1 || newDoc.hours > 8760) throw { forbidden: '整改期限应为1至8760小时的整数' };
      if ((newDoc.severity === 'life_threatening' || newDoc.severity === 'severe') && newDoc.hours > 24) throw { forbidden: '危及生命和严重问题须在24小时内整改' };
      if (typeof newDoc.zh !== 'string' || newDoc.zh === '') throw { forbidden: '房屋状况问题缺少中文说明' };
      if (typeof newDoc.active !== 'boolean') throw { forbidden: '房屋状况问题缺少启用标记 active' };
      return;
    }
    throw { forbidden: '不能改变参考数据的类型' };
  }
  // A district's override of the eligibility thresholds (domain/policy/override.ts): written once,
  // never changed, by a district reviewer of that district, in their own name and signed (readers
  // check the signature against the registered key; this engine has no ECDSA).
  if (newDoc.type === 'rule_thresholds' || (oldDoc && oldDoc.type === 'rule_thresholds')) {
    if (oldDoc && !oldDoc._deleted) throw { forbidden: '准入政策调整发布后不能修改或删除,请发布新的调整' };
    if (newDoc._deleted || typeof newDoc.districtId !== 'string' || newDoc.districtId === '') throw { forbidden: '参考数据只能由中心管理员维护' };
    if (roles.indexOf('district_reviewer') === -1 || roles.indexOf(newDoc.districtId.indexOf('district:') === 0 ? newDoc.districtId : 'district:' + newDoc.districtId) === -1) throw { forbidden: '只有本区的区复审人员可以发布本区的准入政策调整' };
    var actor = newDoc.actor || {};
    if (actor.userId !== userCtx.name) throw { forbidden: '政策调整的签发人(' + actor.userId + ')不是登录账号(' + userCtx.name + '),只能以本人名义发布' };
    if (!Array.isArray(actor.roles) || actor.roles.some(function (r) { return roles.indexOf(r) === -1; })) throw { forbidden: '签发人的角色与登录账号不符' };
    var sig = newDoc.signature || {};
    if (sig.alg !== 'ES256' || typeof sig.keyId !== 'string' || typeof sig.value !== 'string') throw { forbidden: '政策调整缺少签发人签名,不能发布' };
    if (typeof newDoc.at !== 'string' || newDoc._id !== 'rule_thresholds:' + newDoc.businessItem + ':' + newDoc.districtId + ':' + newDoc.at) throw { forbidden: '政策调整记录的编号不符' };
    if (typeof newDoc.effectiveFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(newDoc.effectiveFrom)) throw { forbidden: '政策调整的生效日期不正确' };
    var t = newDoc.thresholds;
    if (!t || typeof t !== 'object' || Array.isArray(t)) throw { forbidden: '政策调整缺少准入标准' };
    var isInt = function (v, lo, hi) { return typeof v === 'number' && Math.floor(v) === v && v >= lo && v <= hi; };
    var isAmount = function (v) { return typeof v === 'number' && isFinite(v) && v > 0 && v <= 100000000; };
    var checks = {
      minApplicantAge: function (v) { return isInt(v, 16, 70); },
      requireHukou: function (v) { return typeof v === 'boolean'; },
      incomePerCapitaMax: function (v) { return v === null || isAmount(v); },
      assetLimits: function (v) { return v === null || (Array.isArray(v) && v.length > 0 && v.length <= 10 && v.every(function (l) { return l && (l.maxPersons === null || isInt(l.maxPersons, 1, 20)) && isAmount(l.limit); })); },
      socialInsuranceYears: function (v) { return v === null || isInt(v, 0, 30); },
      socialInsuranceYearsQualified: function (v) { return v === null || isInt(v, 0, 30); },
      noOwnedHousing: function (v) { return typeof v === 'boolean'; },
      noSaleWithinYears: function (v) { return v === null || isInt(v, 0, 30); },
      coApplicantPermitYears: function (v) { return v === null || isInt(v, 0, 30); },
      violationBanYears: function (v) { return v === null || isInt(v, 0, 30); }
    };
    for (var k in t) {
      if (!checks.hasOwnProperty(k)) throw { forbidden: '未知的准入标准项:' + k };
      if (!checks[k](t[k])) throw { forbidden: '准入标准 ' + k + ' 的取值不正确' };
    }
    var switchable = ['applicant_age_hukou', 'income', 'assets', 'social_insurance', 'housing', 'household_composition', 'other_benefits'];
    if (!Array.isArray(newDoc.rulesOff) || newDoc.rulesOff.some(function (r) { return switchable.indexOf(r) === -1; })) throw { forbidden: '政策调整的停用规则不正确' };
    return;
  }
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
