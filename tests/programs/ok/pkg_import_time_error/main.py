print("main before import")
import settings

print("unreachable", settings.PORT)
