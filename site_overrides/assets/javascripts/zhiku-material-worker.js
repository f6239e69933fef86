/* zhiku: Material's search worker, answered from zhiku's index (search/zhiku-search.js reads it).
 *
 * Material's protocol (src/templates/assets/javascripts/integrations/search/worker/): the page sends
 * SETUP {config, docs, options} (here docs is empty, and zhiku-material.js adds the index's address),
 * the worker answers READY; each QUERY (the query as typed) is answered by one RESULT whose items
 * are lists of documents {location, title, text, tags, score, terms}, rendered by Material as HTML:
 * every string from a page is escaped here before a <mark> is put in. Answers go out in the order
 * the queries came. A QUERY may carry zhiku.limit (more results, asked by zhiku-material.js).
 */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var SHOWN = 10, EXCERPT = 110
var index = null
var queue = Promise.resolve()

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]
  })
}

function marked(text, atoms, size) {
  return zhikuSearch.excerpt(text, atoms, size).map(function (piece) {
    return piece.mark ? "<mark>" + escapeHTML(piece.text) + "</mark>" : escapeHTML(piece.text)
  }).join("")
}

function loadScripts(urls) {
  return importScripts.apply(self, urls)   /* a promise under the iframe-worker shim (file://) */
}

async function setup(data) {
  var base = data.zhiku.base
  await loadScripts([base + "zhiku-search.js"])
  index = zhikuSearch.open(base, loadScripts)
  await index.ready()
  return { type: READY }
}

async function answer(query, limit) {
  var found = await index.search(query, { limit: limit })
  var pages = await index.pages(found.hits.map(function (hit) { return hit.id }))
  var terms = {}
  found.atoms.forEach(function (atom) { terms[atom] = true })
  var items = pages.map(function (page, rank) {
    var item = {
      location: page.u,
      title: marked(page.t, found.atoms, null),
      text: marked(page.x, found.atoms, EXCERPT),
      score: pages.length - rank,
      terms: terms
    }
    if (page.g && page.g.length) item.tags = page.g.map(escapeHTML)
    return [item]
  })
  var more = found.total === null ? found.matched > items.length : found.total > items.length
  return { type: RESULT, data: { items: items, zhiku: { total: found.total, matched: found.matched, more: more } } }
}

addEventListener("message", function (ev) {
  var message = ev.data
  queue = queue.then(function () {
    if (message.type === SETUP) return setup(message.data)
    if (message.type === QUERY) return answer(message.data, (message.zhiku && message.zhiku.limit) || SHOWN)
    throw new TypeError("Invalid message type")
  }).then(function (reply) { postMessage(reply) }, function (error) {
    console.warn("zhiku search:", error)
    if (message.type === QUERY) postMessage({ type: RESULT, data: { items: [], zhiku: { total: 0, matched: 0, more: false } } })
  })
})
