/* zhiku: Chinese and mixed queries for Material's search.
 *
 * Material sends the query to its search worker as it is typed; for Chinese it then splits the
 * query by the words of the index and matches each word by prefix only, so 智能 does not find
 * 人工智能 and Llama模型 finds nothing. This script stands between the page and the worker (it wraps
 * window.Worker, or the iframe-worker shim that takes its place on file://) and rewrites a query
 * before the worker sees it:
 *
 * - full-width letters and digits become ASCII (ＯｐｅｎＡＩ → OpenAI);
 * - Chinese is cut from Latin and digits (Llama模型 → Llama 模型);
 * - each run of Chinese is cut into the longest pieces that occur inside some word of the index,
 *   and each piece matches anywhere inside a word: 智能 → *智能* (人工智能, 智能体 …),
 *   扎克伯格开源 → *扎克伯格* *开源*;
 * - the characters of a piece are escaped (智\能) so that Material's own query segmenter, which
 *   would cut 智能 into 智, leaves them alone; lunr drops the escapes.
 *
 * The words of the index are taken from the setup message the page sends the worker. Results come
 * back unchanged but for one thing: a Chinese piece found inside a longer word is not reported as
 * a missing term.
 */
(function () {
  "use strict"

  var SETUP = 0, QUERY = 2, RESULT = 3        /* Material's SearchMessageType */
  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff"
  var HAN_RUN = new RegExp("[" + HAN + "]+", "g")
  var HAN_CHAR = new RegExp("[" + HAN + "]", "g")
  var EDGE = new RegExp("(?<=[" + HAN + "])(?=[^" + HAN + "\\s])|(?<=[^" + HAN + "\\s])(?=[" + HAN + "])", "g")

  var words = ""                              /* "\n"-joined Chinese words of the index */

  function learn(index) {
    var separator = new RegExp(index.config.separator)
    var seen = new Set()
    index.docs.forEach(function (doc) {
      ["title", "text", "names"].forEach(function (field) {
        if (typeof doc[field] !== "string") return
        doc[field].replace(/<[^>]*>/g, " ").split(separator).forEach(function (token) {
          var runs = token.match(HAN_RUN)
          if (runs) runs.forEach(function (run) { seen.add(run) })
        })
      })
    })
    words = "\n" + Array.from(seen).join("\n") + "\n"
  }

  function occurs(piece) {
    return !words || words.indexOf(piece) >= 0
  }

  /* Longest pieces, left to right, that occur inside a word. Lone characters left over from a longer
   * run are dropped (的, or the 量 and 子 of a word the site does not have): they would match almost
   * everything. Nothing left: the run as it is, which finds nothing, and Material says so. */
  function pieces(run) {
    if (run.length === 1) return [run]
    var result = []
    for (var i = 0; i < run.length;) {
      var j = run.length
      while (j > i + 1 && !occurs(run.slice(i, j))) j--
      if (j - i > 1) result.push(run.slice(i, j))
      i = j
    }
    return result.length ? result : [run]
  }

  function rewrite(query) {
    return query.normalize("NFKC").replace(EDGE, " ").replace(HAN_RUN, function (run, offset, all) {
      var lead = offset > 0 && !/\s/.test(all[offset - 1]) ? " " : ""
      return lead + pieces(run).map(function (piece) {
        return "*" + piece.replace(HAN_CHAR, function (c, at) { return at ? "\\" + c : c })
      }).join(" ")
    })
  }

  /* A Chinese term matched inside a longer word is a match, not a missing term */
  function mend(result) {
    (result.items || []).forEach(function (group) {
      group.forEach(function (item) {
        Object.keys(item.terms || {}).forEach(function (term) {
          if (!item.terms[term] && HAN_RUN.test(term) &&
              [item.title, item.text, item.names].concat(item.tags || []).join(" ").replace(/<[^>]*>|\u200b/g, "").indexOf(term) >= 0)
            item.terms[term] = true
          HAN_RUN.lastIndex = 0
        })
      })
    })
  }

  var Base = window.Worker
  if (typeof Base !== "function") return

  function ZhikuWorker(url, options) {
    var worker = new Base(url, options)
    var post = worker.postMessage
    worker.addEventListener("message", function (ev) {
      if (ev.data && ev.data.type === RESULT && ev.data.data) {
        mend(ev.data.data)
        state.answered++
      }
    })
    worker.postMessage = function (message) {
      if (message && message.type === SETUP && message.data && message.data.docs) {
        learn(message.data)
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        message = { type: QUERY, data: rewrite(message.data) }
        state.sent++
        state.last = message.data
      }
      return post.apply(worker, [message].concat([].slice.call(arguments, 1)))
    }
    return worker
  }
  ZhikuWorker.prototype = Base.prototype
  window.Worker = ZhikuWorker
  /* Queries sent and answered (the worker answers in order): lets a test wait for the answer */
  var state = window.zhikuSearch = { rewrite: rewrite, sent: 0, answered: 0, last: "" }
})()
