# pyguard-corpus: verdict=block category=exec rules=PG207
# what: loads and executes a module from an arbitrary file path with spec_from_file_location/exec_module
import importlib.util

spec = importlib.util.spec_from_file_location("helper", "/dev/shm/helper.py")
helper = importlib.util.module_from_spec(spec)
spec.loader.exec_module(helper)
helper.main()
