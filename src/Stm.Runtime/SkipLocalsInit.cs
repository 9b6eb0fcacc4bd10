// The barriers are inlined into user code, and with the usual zero-initialisation each inlined read barrier
// zeroed its slow path's out local (a stack store) on every read. Safe code assigns every local before use, and
// the one stackalloc (CounterStripes) writes each element before reading it.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
