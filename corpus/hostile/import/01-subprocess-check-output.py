# pyguard-corpus: verdict=block category=import rules=PG101,PG205
# what: a "diagnostics" helper that imports subprocess and runs system commands to collect host details
import subprocess


def system_report() -> dict[str, str]:
    report = {}
    for name, argv in {"user": ["id"], "kernel": ["uname", "-a"], "mounts": ["mount"]}.items():
        report[name] = subprocess.check_output(argv, text=True).strip()
    return report


if __name__ == "__main__":
    for key, value in system_report().items():
        print(f"{key}: {value}")
