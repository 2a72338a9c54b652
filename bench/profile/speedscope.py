"""Reading a speedscope profile from trace.sh (dotnet-trace convert): the busy samples, shared by attrib.py and drill.py."""
import json, re

# Threads parked in a wait, not busy: thread pool idle, timers, the socket loop, the main thread waiting for shutdown.
IDLE = re.compile(r'LowLevelLifoSemaphore\.Wait|Monitor\.Wait|WaitHandle\.WaitOne|ManualResetEventSlim\.Wait|SocketAsyncEngine\.EventLoop|FileSystemWatcher|TimerQueue\.TimerThread|Heartbeat\.TimerLoop|GateThreadStart|ProcessLogQueue|Program\.<Main>')

def busy_samples(path):
    """(frame names, frame ids, duration) of every stretch of time a thread spent busy, outermost frame first."""
    d = json.load(open(path)); frames = [f['name'] for f in d['shared']['frames']]
    for p in d['profiles']:
        if p['type'] != 'evented': continue
        stack = []; last = p['startValue']
        for ev in p['events']:
            t = ev['at']; dt = t - last; last = t
            if stack and dt > 0:
                names = [frames[f] for f in stack]
                if not any(IDLE.search(n) for n in names): yield names, list(stack), dt
            if ev['type'] == 'O': stack.append(ev['frame'])
            elif stack: stack.pop()
