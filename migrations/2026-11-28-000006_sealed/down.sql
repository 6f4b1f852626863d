-- Sealed values cannot be opened in SQL (the key is not in the database): going back would
-- lose every ID number, phone and webhook secret. Restore a backup taken before instead.
DO $$ BEGIN
    RAISE EXCEPTION 'the sealed-columns migration cannot be reverted in SQL; restore a backup';
END $$;
