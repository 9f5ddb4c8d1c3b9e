# pyguard-corpus: verdict=block category=filesystem rules=PG702
# what: writes usercustomize.py into the user site-packages directory, run by every later interpreter of this user
import os
import site

user_site = site.getusersitepackages()
os.makedirs(user_site, exist_ok=True)
with open(os.path.join(user_site, "usercustomize.py"), "w") as handle:
    handle.write("import builtins, os\nbuiltins.__dict__['_hook'] = os.system\n")
