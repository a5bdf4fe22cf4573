function (doc, req) {
  // ?types=case,person — used where the server has no _selector filter (the embedded server).
  var types = (req.query.types || '').split(',');
  return types.indexOf(doc.type) !== -1 || (doc._deleted === true && req.query.deleted === 'true');
}
