"""What counts as a thread parked in a wait, not busy: shared by attrib.py and drill.py."""
import re
IDLE = re.compile(r'LowLevelLifoSemaphore\.Wait|Monitor\.Wait|WaitHandle\.WaitOne|ManualResetEventSlim\.Wait|SocketAsyncEngine\.EventLoop|FileSystemWatcher|TimerQueue\.TimerThread|Heartbeat\.TimerLoop|GateThreadStart|ProcessLogQueue|Program\.<Main>')
