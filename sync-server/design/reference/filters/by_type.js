function (doc, req) {
  // ?types=case,person — used where the workstation could not ask the server which filters it
  // has (it started offline) or the server has no _selector filter: every synced database has it.
  var types = (req.query.types || '').split(',');
  return types.indexOf(doc.type) !== -1 || (doc._deleted === true && req.query.deleted === 'true');
}
