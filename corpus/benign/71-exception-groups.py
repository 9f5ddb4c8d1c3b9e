# pyguard-corpus: verdict=allow
# what: collects validation errors into an ExceptionGroup and handles them with except*
def validate(record: dict) -> None:
    errors = []
    if not record.get("name"):
        errors.append(ValueError("name is required"))
    if not isinstance(record.get("age"), int):
        errors.append(TypeError("age must be an integer"))
    if errors:
        raise ExceptionGroup("invalid record", errors)


try:
    validate({"name": "", "age": "old"})
except* ValueError as group:
    print("value errors:", [str(e) for e in group.exceptions])
except* TypeError as group:
    print("type errors:", [str(e) for e in group.exceptions])
