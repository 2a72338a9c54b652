"""drill.py: a closer look into a speedscope profile from trace.sh than attrib.py's summary, over the same busy time.
  drill.py FILE below PATTERN [DEPTH] [MIN%]   the call tree below the first frame matching PATTERN (inclusive shares)
  drill.py FILE self [PATTERN] [N]             time by the function that was running (exclusive), optionally under PATTERN
  drill.py FILE incl PATTERN...                inclusive share of each pattern (a sample counts once per pattern)
  drill.py FILE callers PATTERN [UP]           the UP frames above the deepest frame matching PATTERN, by share
Shares are of the busy thread time: threads parked in a wait are left out, as in attrib.py."""
import sys, re, collections
from speedscope import busy_samples

def samples(path):
    for names, _, dt in busy_samples(path): yield names, dt

def short(n): return re.sub(r'\(.*', '', n)[:150]
MARKERS = ('CPU_TIME', 'UNMANAGED_CODE_TIME')

def main(path, mode, *args):
    busy = 0; count = collections.Counter()
    if mode == 'below':
        pat = re.compile(args[0]); depth = int(args[1]) if len(args) > 1 else 4; floor = float(args[2]) if len(args) > 2 else 0.4
        for names, dt in samples(path):
            busy += dt
            i = next((k for k, n in enumerate(names) if pat.search(n)), None)
            if i is None: continue
            count[()] += dt
            for k in range(1, depth + 1):
                if i + k < len(names): count[tuple(short(x) for x in names[i + 1:i + k + 1])] += dt
        print(f"{100 * count[()] / busy:5.1f}% under {args[0]}")
        def walk(prefix):
            kids = sorted(((p, w) for p, w in count.items() if len(p) == len(prefix) + 1 and p[:len(prefix)] == prefix), key=lambda x: -x[1])
            for p, w in kids:
                if 100 * w / busy < floor: continue
                print(f"{100 * w / busy:5.1f}% {'  ' * len(prefix)}{p[-1]}"); walk(p)
        walk(())
    elif mode == 'self':
        pat = re.compile(args[0]) if args and args[0] else None; n = int(args[1]) if len(args) > 1 else 30
        for names, dt in samples(path):
            busy += dt
            if pat and not any(pat.search(x) for x in names): continue
            real = [x for x in names if x not in MARKERS]
            if real: count[short(real[-1]) + ('  [unmanaged]' if names[-1] == 'UNMANAGED_CODE_TIME' else '')] += dt
        for name, w in count.most_common(n): print(f"{100 * w / busy:5.1f}% {name}")
    elif mode == 'incl':
        pats = [(a, re.compile(a)) for a in args]
        for names, dt in samples(path):
            busy += dt
            for a, r in pats:
                if any(r.search(x) for x in names): count[a] += dt
        for a, _ in pats: print(f"{100 * count[a] / busy:5.1f}% {a}")
    elif mode == 'callers':
        pat = re.compile(args[0]); up = int(args[1]) if len(args) > 1 else 4
        for names, dt in samples(path):
            busy += dt
            i = max((k for k, n in enumerate(names) if pat.search(n)), default=None)
            if i is not None: count[' <- '.join(short(x) for x in reversed(names[max(0, i - up):i + 1]))] += dt
        for name, w in count.most_common(12): print(f"{100 * w / busy:5.1f}% {name}\n")
    else:
        sys.exit(__doc__)

if __name__ == '__main__':
    if len(sys.argv) < 3: sys.exit(__doc__)
    main(*sys.argv[1:])
