/* The search engine (scripts/zhiku/search/engine.js) in Node, for the tests: one JSON request a
 * line on stdin ({base, query, limit, all}, base a folder of an index), one JSON answer a line. */
"use strict"
const fs = require("fs")
const path = require("path")
const readline = require("readline")
const vm = require("vm")

vm.runInThisContext(fs.readFileSync(path.join(__dirname, "..", "..", "scripts", "zhiku", "search", "engine.js"), "utf8"))
let opened = null
const indexes = {}

function loadScripts(urls) {
  for (const url of urls) vm.runInThisContext(fs.readFileSync(url, "utf8"), { filename: url })
}

const lines = readline.createInterface({ input: process.stdin })
let queue = Promise.resolve()
lines.on("line", line => {
  queue = queue.then(async () => {
    const request = JSON.parse(line)
    try {
      if (opened !== request.base) {
        zhikuSearch.forget()
        opened = request.base
        indexes[request.base] = zhikuSearch.open(request.base.replace(/\/?$/, "/"), loadScripts)
      }
      const index = indexes[request.base]
      if (request.excerpt) {
        process.stdout.write(JSON.stringify({ pieces: zhikuSearch.excerpt(request.excerpt, request.atoms, request.size || null) }) + "\n")
        return
      }
      const before = index.loaded.length
      const found = await index.search(request.query, { limit: request.limit || 10, all: !!request.all })
      found.loaded = index.loaded.slice(before)
      process.stdout.write(JSON.stringify(found) + "\n")
    } catch (error) {
      process.stdout.write(JSON.stringify({ error: String(error && error.stack || error) }) + "\n")
    }
  })
})
