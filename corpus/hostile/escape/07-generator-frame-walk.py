# pyguard-corpus: verdict=block category=escape rules=PG303
# what: uses a running generator's gi_frame to climb to the frames above it and read their globals
def probe():
    yield


gen = probe()
next(gen)
frame = gen.gi_frame
while frame.f_back is not None:
    frame = frame.f_back
print(list(frame.f_globals))
