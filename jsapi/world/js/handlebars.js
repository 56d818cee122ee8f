// window.Handlebars, which the Flex 1.x page exposes: Flex renders its
// strings (manager.strings) as Handlebars templates, and plugins register
// helpers for them. Nothing renders headlessly, but a template can be
// compiled and run: {{path.to.value}} (HTML-escaped), {{{raw}}}, and
// {{helper arg "literal" key=value}} with the registered helpers. Blocks
// ({{#if}}) are not supported: compile throws naming the construct.
(function (w) {
	"use strict";
	const {
		ArrayIsArray, ArrayPrototypePush, Error, JSONStringify, Map, ObjectFromEntries, ObjectKeys, TypeError,
	} = w.primordials;
	const helpers = new Map();
	const partials = new Map();
	class SafeString {
		constructor(s) { this.string = s; }
		toString() { return "" + this.string; }
		toHTML() { return this.toString(); }
	}
	const escapes = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "`": "&#x60;", "=": "&#x3D;" };
	const escapeExpression = (v) => {
		if (v instanceof SafeString) return v.toHTML();
		if (v == null) return "";
		if (v === false) return "false";
		return String(v).replace(/[&<>"'`=]/g, (c) => escapes[c]);
	};
	const lookup = (ctx, path) => {
		if (path === "this" || path === ".") return ctx;
		let v = ctx;
		for (const part of path.replace(/^this\./, "").split(".")) {
			if (v == null) return undefined;
			v = v[part];
		}
		return v;
	};
	const tokens = (expr) => expr.match(/"[^"]*"|'[^']*'|[^\s"']+=("[^"]*"|'[^']*'|\S+)|\S+/g) || [];
	const value = (tok, ctx) => {
		if (/^["'].*["']$/.test(tok)) return tok.slice(1, -1);
		if (/^-?\d+(\.\d+)?$/.test(tok)) return Number(tok);
		if (tok === "true" || tok === "false") return tok === "true";
		if (tok === "null" || tok === "undefined") return tok === "null" ? null : undefined;
		return lookup(ctx, tok);
	};
	function compile(template) {
		if (typeof template !== "string") throw new TypeError("Handlebars.compile: the template must be a string, received " + typeof template);
		const block = template.match(/\{\{\s*[#^/>]\s*([^}]*)\}\}/);
		if (block) throw new Error("Handlebars.compile: " + JSONStringify(block[0]) + ": blocks and partials are not supported headlessly");
		return (ctx = {}) => template.replace(/\{\{\{\s*([^}]+?)\s*\}\}\}|\{\{\s*([^}]+?)\s*\}\}/g, (m, raw, escaped) => {
			const [name, ...args] = tokens(raw || escaped);
			let out;
			if (helpers.has(name)) {
				const hash = {};
				const positional = [];
				for (const a of args) {
					const eq = a.indexOf("=");
					if (eq > 0 && !/^["']/.test(a)) hash[a.slice(0, eq)] = value(a.slice(eq + 1), ctx);
					else ArrayPrototypePush(positional, value(a, ctx));
				}
				out = helpers.get(name).call(ctx, ...positional, { hash, data: { root: ctx }, name });
			} else {
				out = value(name, ctx);
			}
			return raw ? (out == null ? "" : String(out)) : escapeExpression(out);
		});
	}
	const Handlebars = {
		compile,
		precompile: () => { throw new Error("Handlebars.precompile is not available headlessly"); },
		registerHelper(name, fn) {
			if (name !== null && typeof name === "object") { for (const k of ObjectKeys(name)) Handlebars.registerHelper(k, name[k]); return; }
			if (typeof fn !== "function") throw new TypeError("Handlebars.registerHelper: the helper must be a function");
			helpers.set(String(name), fn);
			w.own(() => { if (helpers.get(String(name)) === fn) helpers.delete(String(name)); });
		},
		unregisterHelper: (name) => { helpers.delete(String(name)); },
		registerPartial: (name, p) => { partials.set(String(name), p); },
		unregisterPartial: (name) => { partials.delete(String(name)); },
		get helpers() { return ObjectFromEntries(helpers); },
		get partials() { return ObjectFromEntries(partials); },
		SafeString,
		escapeExpression,
		Utils: { escapeExpression, isEmpty: (v) => v == null || v === false || (ArrayIsArray(v) && v.length === 0) },
		VERSION: "4.7.7",
	};
	w.Handlebars = Handlebars;
})
