"""A tab's memory: the JS heap of the page and of each of its workers, read
through the Chrome DevTools Protocol, plus the WebAssembly memory of the
calculator's Pyodide (the worker keeps it as `self.pyodide`, as Pyodide's
web-worker example does).

Playwright gives a CDP session for pages only, so workers are reached through
the browser's session (Target.attachToTarget + Target.sendMessageToTarget).
(Runtime.queryObjects would find every WebAssembly.Memory, but it crashes
the renderer when run in Pyodide's worker.)
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

PYODIDE_MEMORY = "self.pyodide ? self.pyodide._module.HEAPU8.byteLength : 0"


@dataclass(frozen=True)
class TabMemory:
    js_heap: int
    """Bytes of JS heap in use: the page and every worker it started."""
    wasm: int
    """Bytes of WebAssembly memory held by the page and its workers."""

    @property
    def total(self) -> int:
        return self.js_heap + self.wasm


class _Channel:
    """Commands to one target over the browser's CDP session, answered by id."""

    def __init__(self, cdp, target_id: str, answers: dict, pump):
        self.cdp, self.answers, self.pump = cdp, answers, pump
        self.session = cdp.send("Target.attachToTarget", {"targetId": target_id, "flatten": False})["sessionId"]
        self.next_id = 0

    def send(self, method: str, params: dict | None = None, timeout: float = 30.0) -> dict:
        self.next_id += 1
        key = (self.session, self.next_id)
        message = json.dumps({"id": self.next_id, "method": method, "params": params or {}})
        self.cdp.send("Target.sendMessageToTarget", {"sessionId": self.session, "message": message})
        deadline = time.monotonic() + timeout
        while key not in self.answers:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no answer to {method}")
            self.pump()
        answer = self.answers.pop(key)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]

    def close(self) -> None:
        try:
            self.cdp.send("Target.detachFromTarget", {"sessionId": self.session})
        except Exception:  # the target may have gone (a worker that ended); nothing to detach
            pass


def tab_memory(browser, page) -> TabMemory:
    """The memory of the tab showing `page`: its own and its workers' (not service workers')."""
    own = page.context.new_cdp_session(page)
    context_id = own.send("Target.getTargetInfo")["targetInfo"]["browserContextId"]
    own.detach()
    cdp = browser.new_browser_cdp_session()
    answers: dict = {}

    def on_message(event):
        data = json.loads(event["message"])
        if "id" in data:
            answers[(event["sessionId"], data["id"])] = data

    cdp.on("Target.receivedMessageFromTarget", on_message)
    js_heap = 0
    try:
        for target in cdp.send("Target.getTargets")["targetInfos"]:
            if target.get("browserContextId") != context_id or target["type"] not in ("page", "worker"):
                continue
            channel = _Channel(cdp, target["targetId"], answers, lambda: page.wait_for_timeout(20))
            try:
                js_heap += channel.send("Runtime.getHeapUsage")["usedSize"]
            finally:
                channel.close()
    finally:
        cdp.detach()
    wasm = sum(int(worker.evaluate(PYODIDE_MEMORY) or 0) for worker in page.workers)
    return TabMemory(js_heap, wasm)
