# pyguard-corpus: verdict=allow
# what: finds the k largest items and merges sorted lists with heapq
import heapq

scores = {"ana": 88, "ben": 95, "cy": 71, "dee": 99, "eli": 84, "fay": 90}
print(heapq.nlargest(3, scores.items(), key=lambda kv: kv[1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [5])))
