/* zhiku: Material's search box and result list, on zhiku's index. Loaded before Material's bundle.
 *
 * - Material starts its search worker from __config.search: the worker made is zhiku's
 *   (zhiku-material-worker.js), whatever Worker is (the browser's, or the iframe-worker shim on file://);
 *   its SETUP message is given the index's address.
 * - Material asks for search/search_index.json (served) or runs search/search_index.js (file://) for
 *   the index it sends the worker and for search.highlight's separator: it is given a constant one
 *   without pages (there is no such file), without a request.
 * - Material counts the results it is sent; the result line says the index's count instead, and a
 *   last item asks the worker for more results when there are more.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3        /* Material's SearchMessageType */
  var MORE = 20
  var INDEX = {
    config: {
      lang: ["zh"], pipeline: [], fields: {},
      separator: "[\\s\\-、。，．？！；：,.!?;:()（）\\[\\]【】《》〈〉「」『』“”‘’\"'·…—/|]+"
    },
    docs: []
  }
  /* Queries sent, answers back and answers whose result line was written: lets a test wait for them */
  var state = window.zhikuMaterial = { sent: 0, answered: 0, mended: 0, last: "", answer: null }

  function config() { return JSON.parse(document.getElementById("__config").textContent) }
  function site() { return new URL(config().base, location.href) }
  function isIndex(url, name) { return String(new URL(url, location.href)) === String(new URL("search/" + name, site())) }

  var open = XMLHttpRequest.prototype.open
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = [].slice.call(arguments)
    if (isIndex(url, "search_index.json")) args[1] = "data:application/json," + encodeURIComponent(JSON.stringify(INDEX))
    return open.apply(this, args)
  }
  var append = document.head.appendChild
  document.head.appendChild = function (node) {
    if (node && node.tagName === "SCRIPT" && node.src && isIndex(node.src, "search_index.js")) {
      window.__index = INDEX
      node.src = "data:text/javascript,"
    }
    return append.call(this, node)
  }

  var Base = window.Worker
  if (typeof Base !== "function") return
  var worker = null

  function ZhikuWorker(url, options) {
    worker = new Base(new URL("assets/javascripts/zhiku-material-worker.js", site()).href, options)
    var post = worker.postMessage
    worker.postMessage = function (message) {
      if (message && message.type === SETUP) {
        message = { type: SETUP, data: Object.assign({}, message.data, { zhiku: { base: new URL("search/", site()).href } }) }
      } else if (message && message.type === QUERY) {
        state.sent++
        state.last = message.data
      }
      return post.apply(worker, [message].concat([].slice.call(arguments, 1)))
    }
    worker.addEventListener("message", function (ev) {
      if (ev.data && ev.data.type === RESULT) {
        state.answer = ev.data.data.zhiku || null
        state.shown = ev.data.data.items.length
        state.answered++
        setTimeout(function () { try { mend() } finally { state.mended++ } }, 0)   /* after Material rendered this answer */
      }
    })
    return worker
  }
  ZhikuWorker.prototype = Base.prototype
  window.Worker = ZhikuWorker

  function count(answer) {
    var t = config().translations
    if (answer.total === 0) return null
    if (answer.total === 1) return t["search.result.one"]
    var n = answer.total === null ? answer.matched : answer.total
    var text = t["search.result.other"].replace("#", n.toLocaleString("en-US"))
    return answer.total === null ? "至少 " + text : text
  }

  /* The result line and the "more" item for the answer shown */
  function mend() {
    var meta = document.querySelector(".md-search-result__meta")
    var list = document.querySelector(".md-search-result__list")
    var answer = state.answer
    if (!meta || !list || !answer || !document.querySelector(".md-search__input").value) return
    keepLast(list)
    var line = count(answer)
    if (line && meta.textContent !== line) meta.textContent = line
    var more = list.querySelector(".zhiku-search-more")
    if (more) more.remove()
    if (!answer.more) return
    var item = document.createElement("li")
    item.className = "md-search-result__item zhiku-search-more"
    var link = document.createElement("a")
    link.className = "md-search-result__link"
    link.href = "#"
    link.tabIndex = -1
    var article = document.createElement("article")
    article.className = "md-search-result__article md-typeset"
    article.textContent = "显示更多结果"
    link.appendChild(article)
    item.appendChild(link)
    link.addEventListener("click", function (ev) {
      ev.preventDefault()
      ev.stopPropagation()              /* Material closes the search on a click on a link */
      worker.postMessage({ type: QUERY, data: state.last, zhiku: { limit: state.shown + MORE } })
    })
    list.appendChild(item)
  }

  /* Material appends further results as the list is scrolled: the "more" item stays last */
  var watched = null
  function keepLast(list) {
    if (watched === list) return
    watched = list
    new MutationObserver(function () {
      var more = list.querySelector(".zhiku-search-more")
      if (more && more !== list.lastElementChild) list.appendChild(more)
    }).observe(list, { childList: true })
  }
})()
