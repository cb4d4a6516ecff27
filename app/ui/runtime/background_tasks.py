"""Fire-and-forget tasks with strong references, cancelled together at close.

Its own light module (asyncio is imported when the first task starts): the window creates one before the event
loop exists, for the paint from the cache, and async_bridge (qasync) is not imported until after that.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import asyncio


class BackgroundTasks:
    """Fire-and-forget tasks with strong references (the loop keeps only weak ones), cancelled together at close."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def start(self, coro: Coroutine[Any, Any, Any], *, name: str | None = None) -> asyncio.Task[Any]:
        if self._closed:
            coro.close()
            raise RuntimeError("background tasks are closed")
        import asyncio

        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            import asyncio

            # Route to the one handler, as an unobserved task exception would be (but at once, not at GC time).
            asyncio.get_running_loop().call_exception_handler(
                {"message": f"Background task {task.get_name()} failed", "exception": exc, "task": task}
            )

    def __len__(self) -> int:
        return len(self._tasks)

    def running(self) -> list[asyncio.Task[Any]]:
        """The tasks not finished yet (e.g. to cancel one kind of work without closing the rest)."""
        return [task for task in self._tasks if not task.done()]

    async def idle(self) -> None:
        """Wait until every task started so far (and any they start) has finished."""
        import asyncio

        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        """Cancel every running task and wait until each has finished."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            import asyncio

            await asyncio.gather(*tasks, return_exceptions=True)
