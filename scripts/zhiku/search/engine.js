/* zhiku search: the reader of the index that scripts/zhiku/search/index.py writes. It knows
 * nothing of any theme: a page or a worker opens the index with a function that loads scripts,
 *
 *   var index = zhikuSearch.open(baseUrl, function (urls) { return importScripts.apply(self, urls) })
 *   index.search("法国 罢工", { limit: 10 }).then(function (answer) { ... })
 *
 * and gets ranked pages, their count, and what to show of each (zhikuSearch.excerpt marks the
 * query in a text, as plain pieces: the caller escapes them). What matches, and how pages rank, is
 * defined in scripts/zhiku/search/semantics.py; this file does the same, step for step.
 *
 * Every file of the index is a script that calls zhikuSearch.load(name, data). `loadScripts` may
 * load synchronously (a worker's importScripts), or return a promise (a page's <script> elements,
 * the iframe-worker shim's importScripts): the engine awaits it either way.
 */
(function (root) {
  "use strict"

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
  var VALUE = {}
  for (var a = 0; a < ALPHABET.length; a++) VALUE[ALPHABET[a]] = a
  var MAX_PIECE = 16, MAX_PREFIX = 24, NAME_KEY = "="
  var ABOUT_BONUS = 10000000, NAME_BONUS = 1000000000
  var HAN = /[\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u
  var TOKEN = /[\p{L}\p{N}]/u

  var registry = {}
  var api = root.zhikuSearch = root.zhikuSearch || {}
  api.load = function (name, data) { registry[name] = data }
  /* Files loaded are kept by name: a reader that opens another index forgets the first one's */
  api.forget = function () { registry = {} }

  function normalize(text) { return text.normalize("NFKC").toLowerCase() }

  /* [{han, text}] for each run of Chinese characters and each token, in order */
  function segments(normalized) {
    var found = [], kind = null, current = ""
    for (var char of normalized) {
      var now = HAN.test(char) ? true : TOKEN.test(char) ? false : null
      if (now !== kind) {
        if (kind !== null) found.push({ han: kind, text: current })
        kind = now
        current = ""
      }
      current += char
    }
    if (kind !== null) found.push({ han: kind, text: current })
    return found
  }

  function prefix(text, n) { return Array.from(text).slice(0, n).join("") }

  function shardOf(key, shards) {
    var h = 0x811c9dc5
    var chars = Array.from(key.charAt(0) === NAME_KEY ? key.slice(1) : key).slice(0, 2)
    for (var i = 0; i < chars.length; i++) h = Math.imul(h ^ chars[i].codePointAt(0), 16777619) >>> 0
    return h % shards
  }

  /* Postings in page order → [docs, codes] */
  function decode(text) {
    var docs = [], codes = [], prev = -1
    for (var i = 0; i < text.length;) {
      var gap = 0, shift = 0, v
      do {
        v = VALUE[text[i++]]
        gap += (v & 31) * Math.pow(2, shift)
        shift += 5
      } while (v & 32)
      prev += gap + 1
      docs.push(prev)
      codes.push(VALUE[text[i++]])
    }
    return [docs, codes]
  }

  function Index(base, loadScripts) {
    this.base = base
    this.loadScripts = loadScripts
    this.loaded = []           /* names of the files loaded, in order */
    this.manifest = null
  }

  /* The data of each named file, loading those not loaded yet */
  Index.prototype.files = async function (names) {
    var missing = []
    for (var i = 0; i < names.length; i++)
      if (!(names[i] in registry) && missing.indexOf(names[i]) < 0) missing.push(names[i])
    if (missing.length) {
      var self = this
      await this.loadScripts(missing.map(function (name) { return self.base + name + ".js" }))
      for (var j = 0; j < missing.length; j++) {
        if (!(missing[j] in registry)) throw new Error("zhiku search: " + missing[j] + ".js did not load")
        this.loaded.push(missing[j])
      }
    }
    return names.map(function (name) { return registry[name] })
  }

  Index.prototype.ready = async function () {
    if (!this.manifest) this.manifest = (await this.files(["m"]))[0]
    return this.manifest
  }

  Index.prototype.shardName = function (key) { return "t/" + shardOf(key, this.manifest.shards).toString(16) }

  /* A key's dictionary entry, or null */
  Index.prototype.entry = async function (key) {
    var shard = (await this.files([this.shardName(key)]))[0]
    return Object.prototype.hasOwnProperty.call(shard, key) ? shard[key] : null
  }

  Index.prototype.entries = async function (keys) {
    var self = this
    await this.files(keys.map(function (key) { return self.shardName(key) }))
    var found = {}
    for (var i = 0; i < keys.length; i++) {
      var shard = registry[this.shardName(keys[i])]
      found[keys[i]] = Object.prototype.hasOwnProperty.call(shard, keys[i]) ? shard[keys[i]] : null
    }
    return found
  }

  /* A Chinese run cut, left to right, into the longest pieces that are keys; a character from which
   * none starts is a piece of its own. The pieces starting at one place share a shard: one load. */
  Index.prototype.cut = async function (run) {
    var chars = Array.from(run), pieces = []
    for (var i = 0; i < chars.length;) {
      var found = 0
      for (var j = Math.min(chars.length, i + MAX_PIECE); j >= i + 2; j--)
        if (await this.entry(chars.slice(i, j).join(""))) { found = j; break }
      if (found) { pieces.push(chars.slice(i, found).join("")); i = found }
      else { pieces.push(chars[i]); i++ }
    }
    return pieces
  }

  Index.prototype.atoms = async function (normalized) {
    var atoms = [], parts = segments(normalized)
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].han) atoms = atoms.concat(await this.cut(parts[i].text))
      else atoms.push(prefix(parts[i].text, MAX_PREFIX))
    }
    return atoms
  }

  Index.prototype.alternatives = async function (names) {
    var seen = {}, alternatives = []
    for (var i = 0; i < names.length; i++) {
      var atoms = await this.atoms(names[i])
      var id = atoms.join("\u0000")
      if (atoms.length && !seen[id]) { seen[id] = true; alternatives.push(atoms) }
    }
    return alternatives
  }

  /* The query as groups (all must match) of alternatives (any may) of atoms (all must match) */
  Index.prototype.parse = async function (query) {
    await this.ready()
    var parts = segments(normalize(query))
    if (!parts.length) return null
    var whole = parts.map(function (p) { return p.text }).join(" ")
    var named = await this.entry(NAME_KEY + whole)
    if (named) return { groups: [await this.alternatives(named[3])], name: NAME_KEY + whole }
    var groups = []
    var atoms = await this.atoms(whole)
    for (var i = 0; i < atoms.length; i++) {
      var alias = await this.entry(NAME_KEY + atoms[i])
      groups.push(alias ? await this.alternatives(alias[3]) : [[atoms[i]]])
    }
    return { groups: groups, name: null }
  }

  function idf(df, pages) { return Math.round(1000 * Math.log(1 + (pages - df + 0.5) / (df + 0.5))) }

  /* A key's postings: its best pages, then the rest in bands of codes (the best first, each band's
   * codes below the one before's), each band in blocks in page order */
  function Postings(entry, pages) {
    this.df = entry ? entry[0] : 0
    this.idf = idf(this.df, pages)
    var top = entry ? decode(entry[1]) : [[], []]
    this.top = new Map()
    var least = 63, leastId = Infinity
    for (var i = 0; i < top[0].length; i++) { this.top.set(top[0][i], top[1][i]); least = Math.min(least, top[1][i]) }
    for (var k = 0; k < top[0].length; k++) if (top[1][k] === least) leastId = Math.min(leastId, top[0][k])
    this.least = least
    /* The best pages are the best by code, then the later page: a page not among them that has the
     * least code among them is an earlier page than those */
    this.leastId = leastId
    this.blocks = []
    this.bands = []
    var text = (entry && entry[2]) ? entry[2] : ""   /* index.py's encode_blocks */
    var at = 0
    function varint() {
      var n = 0, shift = 0, v
      do { v = VALUE[text[at++]]; n += (v & 31) * Math.pow(2, shift); shift += 5 } while (v & 32)
      return n
    }
    var pack = text ? varint() : 0, last = -1
    while (at < text.length) {
      var best = VALUE[text[at++]], flags = VALUE[text[at++]], gap = varint()
      pack += flags & 1
      if (flags & 2) { this.bands.push([]); last = gap }
      else last += gap + 1
      var band = this.bands[this.bands.length - 1]
      var block = { pack: pack, last: last, best: best, docs: null }
      band.push(block)
      this.blocks.push(block)
    }
  }

  Postings.prototype.value = function (code) { return (code >= 32 ? ABOUT_BONUS : 0) + this.idf * (code & 31) }

  /* The block of a band that would hold a page: the first whose last page is not before it */
  function blockIn(band, doc) {
    var lo = 0, hi = band.length - 1, at = -1
    while (lo <= hi) {
      var mid = (lo + hi) >> 1
      if (band[mid].last >= doc) { at = mid; hi = mid - 1 } else lo = mid + 1
    }
    return at < 0 ? null : band[at]
  }

  /* A page's code here (0: absent), or the first block not loaded that may hold it: {code} or {block} */
  Postings.prototype.find = function (doc) {
    var code = this.top.get(doc)
    if (code !== undefined) return { code: code }
    for (var b = 0; b < this.bands.length; b++) {
      var block = blockIn(this.bands[b], doc)
      if (!block) continue
      if (!block.docs) return { block: block }
      code = block.docs.get(doc)
      if (code !== undefined) return { code: code }
    }
    return { code: 0 }
  }

  /* A page's code in these postings: a number, 0 when absent, undefined when not loaded yet */
  Postings.prototype.code = function (doc) { return this.find(doc).code }

  Postings.prototype.unreadBest = function () {
    var best = -1
    for (var i = 0; i < this.blocks.length; i++) if (!this.blocks[i].docs) best = Math.max(best, this.blocks[i].best)
    return best
  }

  /* The best value a page not seen yet can have here; -Infinity when every page is seen */
  Postings.prototype.unseenBound = function () {
    var best = this.unreadBest()
    return best < 0 ? -Infinity : this.value(Math.min(best, this.least))
  }

  /* Pages not seen yet that reach unseenBound() here are earlier than this one: than the least
   * best page's when they have its code, and than the end of every unread block that could hold them */
  Postings.prototype.unseenIdBound = function () {
    var reach = Math.min(this.unreadBest(), this.least), end = -Infinity
    for (var i = 0; i < this.blocks.length; i++)
      if (!this.blocks[i].docs && this.blocks[i].best >= reach) end = Math.max(end, this.blocks[i].last + 1)
    return Math.min(end, reach === this.least ? this.leastId : Infinity)
  }

  /* A page's value here, or its bound while unknown (a page later than leastId that is not among
   * the best has a code below the least) */
  Postings.prototype.bound = function (doc) {
    var found = this.find(doc)
    if (found.block) return this.value(Math.min(found.block.best, doc > this.leastId ? this.least - 1 : this.least))
    return found.code ? this.value(found.code) : -Infinity
  }

  function Query(index, parsed, entries) {
    var pages = index.manifest.pages
    this.index = index
    this.groups = parsed.groups
    this.keys = {}
    for (var key in entries) this.keys[key] = new Postings(entries[key], pages)
    this.name = parsed.name ? new Postings(entries[parsed.name], pages) : null
  }

  /* [lower, upper] of a page's score: lower is -Infinity unless the page is known to match */
  Query.prototype.bounds = function (doc) {
    var lower = 0, upper = 0
    for (var g = 0; g < this.groups.length; g++) {
      var groupLower = -Infinity, groupUpper = -Infinity
      for (var a = 0; a < this.groups[g].length; a++) {
        var atoms = this.groups[g][a], sumLower = 0, sumUpper = 0
        for (var i = 0; i < atoms.length; i++) {
          var postings = this.keys[atoms[i]], code = postings.code(doc)
          if (code === undefined) { sumLower = -Infinity; sumUpper += postings.bound(doc) }
          else if (code === 0) { sumLower = sumUpper = -Infinity; break }
          else { var v = postings.value(code); sumLower += v; sumUpper += v }
        }
        groupLower = Math.max(groupLower, sumLower)
        groupUpper = Math.max(groupUpper, sumUpper)
      }
      lower += groupLower
      upper += groupUpper
    }
    if (this.name && this.name.top.has(doc)) { lower += NAME_BONUS; upper += NAME_BONUS }
    return [lower, upper]
  }

  /* [the best score a page in no loaded postings can have, a page id that every such page reaching
   * it is earlier than] */
  Query.prototype.unseenBound = function () {
    var total = 0, id = Infinity
    for (var g = 0; g < this.groups.length; g++) {
      var best = -Infinity, bestId = -Infinity
      for (var a = 0; a < this.groups[g].length; a++) {
        var sum = 0, sumId = Infinity, atoms = this.groups[g][a]
        for (var i = 0; i < atoms.length; i++) {
          sum += this.keys[atoms[i]].unseenBound()
          sumId = Math.min(sumId, this.keys[atoms[i]].unseenIdBound())
        }
        if (sum > best) { best = sum; bestId = sumId }
        else if (sum === best) bestId = Math.max(bestId, sumId)
      }
      total += best
      id = Math.min(id, bestId)
    }
    return [total, id]
  }

  Query.prototype.candidates = function () {
    var seen = new Set()
    for (var key in this.keys) {
      var postings = this.keys[key]
      postings.top.forEach(function (_, doc) { seen.add(doc) })
      postings.blocks.forEach(function (block) { if (block.docs) block.docs.forEach(function (_, doc) { seen.add(doc) }) })
    }
    return seen
  }

  /* Load the packs holding these blocks ([postings, block]) */
  Query.prototype.loadBlocks = async function (wanted) {
    var names = [], index = this.index
    wanted.forEach(function (pair) {
      var key = pair[2], name = "p/" + index.shardName(key).slice(2) + "-" + pair[1].pack
      if (names.indexOf(name) < 0) names.push(name)
    })
    var packs = await index.files(names)
    var self = this
    packs.forEach(function (pack) {
      for (var key in pack) {
        var postings = self.keys[key]
        if (!postings) continue
        var held = pack[key]
        for (var i = 1; i < held.length; i++) {
          var block = postings.blocks[held[0] + i - 1]
          if (block.docs) continue
          var decoded = decode(held[i])
          block.docs = new Map()
          for (var j = 0; j < decoded[0].length; j++) block.docs.set(decoded[0][j], decoded[1][j])
        }
      }
    })
  }

  function better(a, b) { return b.score - a.score || b.id - a.id }

  /* The best `limit` pages, exactly, doing first what could rank highest: a page in the loaded
   * postings that could still rank is looked up in the other keys' bands (the one block that bounds
   * it), unless a page not seen yet could score more, when the best unread block is read (the
   * rarer key's, then the later block, first among equal codes). `all`: every block (every match,
   * and their count). */
  Query.prototype.run = async function (limit, all) {
    var keys = Object.keys(this.keys)
    if (all) {
      var every = []
      for (var k = 0; k < keys.length; k++) {
        var p = this.keys[keys[k]]
        for (var b = 0; b < p.blocks.length; b++) if (!p.blocks[b].docs) every.push([p, p.blocks[b], keys[k]])
      }
      await this.loadBlocks(every)
    }
    for (;;) {
      var ranked = [], open = []
      var self = this
      this.candidates().forEach(function (doc) {
        var bounds = self.bounds(doc)
        if (bounds[1] === -Infinity) return
        if (bounds[0] === bounds[1]) ranked.push({ id: doc, score: bounds[0] })
        else open.push({ id: doc, score: bounds[1] })
      })
      ranked.sort(better)
      open.sort(better)
      var kth = ranked.length >= limit ? ranked[limit - 1] : null
      var bound = this.unseenBound(), unseen = bound[0]
      var unseenRanks = unseen !== -Infinity && !(kth && (kth.score > unseen || (kth.score === unseen && kth.id >= bound[1])))
      /* Pages still open that could rank, and score at least what a page not seen yet could */
      var wanted = []
      for (var i = 0; i < open.length && wanted.length < 8; i++) {
        if ((kth && better(open[i], kth) > 0) || (unseenRanks && open[i].score < unseen)) break
        for (var key in this.keys) {
          var found = this.keys[key].find(open[i].id)
          if (found.block) wanted.push([this.keys[key], found.block, key])
        }
      }
      if (wanted.length) { await this.loadBlocks(wanted); continue }
      if (!unseenRanks) {
        var exact = unseen === -Infinity && !open.length
        return { hits: ranked.slice(0, limit), total: exact ? ranked.length : null, matched: ranked.length }
      }
      var pick = null
      for (var name in this.keys) {
        var ps = this.keys[name]
        for (var n = 0; n < ps.blocks.length; n++) {
          var block = ps.blocks[n]
          if (block.docs) continue
          if (!pick || block.best > pick[1].best || (block.best === pick[1].best &&
              (ps.df < pick[0].df || (ps.df === pick[0].df && block.last > pick[1].last)))) pick = [ps, block, name]
        }
      }
      await this.loadBlocks([pick])
    }
  }

  /* { hits: [{id, score}], total (null when only a lower bound is known: see matched), matched,
   *   atoms: every atom of the query, for marking } */
  Index.prototype.search = async function (query, options) {
    options = options || {}
    var parsed = await this.parse(query)
    if (!parsed) return { hits: [], total: 0, matched: 0, atoms: [] }
    /* Marked in what is shown: the query's own atoms, and names of one atom it stands for (小扎 → 扎克伯格) */
    var keys = [], atoms = [], typed = await this.atoms(segments(normalize(query)).map(function (p) { return p.text }).join(" "))
    parsed.groups.forEach(function (group) {
      group.forEach(function (alternative) {
        var shown = alternative.length === 1 || alternative.every(function (atom) { return typed.indexOf(atom) >= 0 })
        alternative.forEach(function (atom) {
          if (keys.indexOf(atom) < 0) keys.push(atom)
          if (shown && atoms.indexOf(atom) < 0) atoms.push(atom)
        })
      })
    })
    if (parsed.name) keys.push(parsed.name)
    var entries = await this.entries(keys)
    var run = await new Query(this, parsed, entries).run(options.limit || 10, !!options.all)
    if (run.total === null) {
      /* At least the pages that must hold every atom: of n sets of pages, at least the sum of their
       * sizes less n - 1 times all pages are in each (an alternative); a group, its largest */
      var pages = this.manifest.pages, groupsLeast = 0
      parsed.groups.forEach(function (group) {
        var least = 0
        group.forEach(function (alternative) {
          var sum = 0
          alternative.forEach(function (atom) { sum += (entries[atom] || [0])[0] })
          least = Math.max(least, sum - (alternative.length - 1) * pages)
        })
        groupsLeast += least
      })
      run.matched = Math.max(run.matched, groupsLeast - (parsed.groups.length - 1) * pages)
      if (parsed.groups.length === 1 && parsed.groups[0].length === 1 && parsed.groups[0][0].length === 1)
        run.total = run.matched   /* one atom: exact */
    }
    run.atoms = atoms
    return run
  }

  /* What a result shows: {u: address, k: kind, t: title, g: tags, n: names, x: text} */
  Index.prototype.pages = async function (ids) {
    return this.files(ids.map(function (id) { return "d/" + id }))
  }

  /* A text's pieces around the first match of the atoms, [{text, mark}], at most `size` characters
   * (null: the whole text). Matching follows the index: a Chinese atom anywhere, a token at the
   * start of a token; compared after normalising each character. */
  api.excerpt = function (text, atoms, size) {
    var chars = Array.from(text), normal = [], starts = []
    var joined = ""
    for (var i = 0; i < chars.length; i++) {
      var n = normalize(chars[i])
      starts.push(joined.length)
      normal.push(n)
      joined += n
    }
    starts.push(joined.length)
    var marks = new Array(chars.length).fill(false), first = -1
    atoms.forEach(function (atom) {
      if (!atom) return
      var latin = !HAN.test(Array.from(atom)[0])
      for (var at = joined.indexOf(atom); at >= 0; at = joined.indexOf(atom, at + 1)) {
        var from = charAt(starts, at)
        if (starts[from] !== at) continue
        if (latin && from > 0 && TOKEN.test(chars[from - 1]) && !HAN.test(chars[from - 1])) continue
        var to = from
        while (to < chars.length && starts[to] < at + atom.length) to++
        for (var c = from; c < to; c++) marks[c] = true
        if (first < 0 || from < first) first = from
      }
    })
    var start = 0, end = chars.length
    if (size && chars.length > size) {
      start = Math.max(0, Math.min(first < 0 ? 0 : first - Math.floor(size / 4), chars.length - size))
      end = Math.min(chars.length, start + size)
    }
    var pieces = []
    if (start > 0) pieces.push({ text: "…", mark: false })
    for (var k = start; k < end; k++) {
      var last = pieces[pieces.length - 1]
      if (last && last.mark === marks[k] && last.text !== "…") last.text += chars[k]
      else pieces.push({ text: chars[k], mark: marks[k] })
    }
    if (end < chars.length) pieces.push({ text: "…", mark: false })
    return pieces
  }

  function charAt(starts, offset) {
    var lo = 0, hi = starts.length - 1
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1
    }
    return lo
  }

  api.open = function (base, loadScripts) {
    return new Index(base, async function (urls) { await loadScripts(urls) })
  }
  api.normalize = normalize
  api.segments = segments
})(typeof self !== "undefined" ? self : this)
