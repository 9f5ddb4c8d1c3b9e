# pyguard-corpus: verdict=allow
# what: reproducible sampling with a seeded random.Random and identifiers from uuid
import random
import uuid

rng = random.Random(2024)
population = list(range(1, 101))
sample = rng.sample(population, k=5)
shuffled = population[:10]
rng.shuffle(shuffled)
print(sample, shuffled)
print(uuid.uuid5(uuid.NAMESPACE_DNS, "example.org"))
