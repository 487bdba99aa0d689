import Testing

/// Issue 11: hostile images never crash or stall Hallmark; each gives a clear error or a
/// bounded warning, within seconds and tens of MB. Every case makes its hostile input in
/// a temporary directory, runs it through a real `hallmark` command as a child process
/// (``BoundedRun``) and checks the outcome and the bounds (``Hallmark/limits``). The cases
/// run one at a time, so their timings do not include each other.
@Suite(.serialized)
struct HostileInputs {}
