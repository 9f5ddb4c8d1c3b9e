# pyguard-corpus: verdict=block category=exec rules=PG101
# what: runs a command line through /bin/sh -c with subprocess.Popen, a shell without shell=True
import subprocess

cmd = "find / -name '*.pem' 2>/dev/null | head"
proc = subprocess.Popen(["/bin/sh", "-c", cmd], stdout=subprocess.PIPE, text=True)
print(proc.communicate()[0])
