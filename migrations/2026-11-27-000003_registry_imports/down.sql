DROP TABLE registry_imports;
