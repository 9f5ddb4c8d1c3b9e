# pyguard-corpus: verdict=allow
# what: numbers a finite list with zip(itertools.count(1), ...), which stops with the list
import itertools

tasks = ["clean data", "fit model", "plot residuals"]
for number, task in zip(itertools.count(1), tasks):
    print(f"{number}. {task}")
