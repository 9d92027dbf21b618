from settings import _LIMIT as LIMIT  # error: private-import
import settings

print(LIMIT, settings.describe())
