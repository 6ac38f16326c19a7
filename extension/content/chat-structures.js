// Chat UIs whose markup we have rendered and checked, as data: for each, the selector of its
// message list, of one message, of the parts that say the message was sent by the user, and of
// the parts that are not the message's text (time, status) or that name its sender. `checked`
// names the version the entry was verified against (tests/browser/chat_uis renders each of them
// from npm at that version and asserts every message is found with the right direction).
// Third-party markup changes without notice: the heuristic in content/chat.js covers the rest.
// Sets globalThis.KefuGuard.chatStructures.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.chatStructures) {
    return;
  }

  const STRUCTURES = [
    {
      name: "kefu-guard convention",
      checked: "docs/extension.md",
      list: "[data-kefuguard-chat]",
      message: "[data-kefuguard-message]",
      outgoing: "[data-direction='outgoing']",
    },
  ];

  ns.chatStructures = Object.freeze(STRUCTURES.map((s) => Object.freeze(s)));
})(globalThis);
