import secrets_store

print(secrets_store.get())
print(secrets_store._token)  # error: private-import
