// The content script's side of the vocabulary: send a request to the background and check the
// shape of its reply before anything is drawn from it. Sets globalThis.KefuGuard.messaging.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.messaging) {
    return;
  }
  const api = root.browser ?? root.chrome;
  const { vocabulary } = ns;

  /** The background's reply to {kind, ...fields}; rejects when it is missing or malformed. */
  async function send(kind, fields) {
    const message = { kind, ...fields };
    const problem = vocabulary.requestProblem(message);
    if (problem) {
      throw new Error(`kefu-guard: not sending ${kind}: ${problem}`);
    }
    const reply = await api.runtime.sendMessage(message);
    const replyProblem = vocabulary.replyProblem(kind, reply);
    if (replyProblem) {
      throw new Error(`kefu-guard: ${replyProblem}`);
    }
    if (!reply.ok) {
      const error = new Error(reply.error.message);
      error.code = reply.error.code;
      throw error;
    }
    return reply;
  }

  ns.messaging = Object.freeze({ send });
})(globalThis);
