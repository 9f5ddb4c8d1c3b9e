# pyguard-corpus: verdict=allow
# what: computes mean, median, standard deviation and a linear regression with the statistics module
import statistics

hours = [1, 2, 3, 4, 5, 6, 7, 8]
scores = [52, 55, 61, 64, 70, 73, 79, 83]

print(statistics.mean(scores), statistics.median(scores), round(statistics.stdev(scores), 2))
slope, intercept = statistics.linear_regression(hours, scores)
print(f"score = {slope:.2f} * hours + {intercept:.2f}")
print(round(statistics.correlation(hours, scores), 3))
