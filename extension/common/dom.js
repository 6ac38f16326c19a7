// Building DOM nodes: the one el() helper of the content widgets and the extension's pages (and
// parentOf(), the composed-tree parent the content scripts walk up with). Text
// goes in as textContent only, never as markup (nothing in the extension parses HTML): host
// strings, page text and translations stay text. Classic script that also loads as an ES module;
// sets globalThis.KefuGuard.dom.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.dom) {
    return;
  }

  /** A `tag` element with `className` (when given) and `text` as its textContent (when given). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  /** The composed-tree parent: the parent element, or across a shadow root to its host. */
  function parentOf(node) {
    if (node.parentElement) {
      return node.parentElement;
    }
    const p = node.parentNode;
    return p && p.nodeType === 11 && p.host ? p.host : null;
  }

  ns.dom = Object.freeze({ el, parentOf });
})(globalThis);
