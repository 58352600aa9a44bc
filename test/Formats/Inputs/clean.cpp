// No finding: the JSON document has an empty findings array.
int twice(int x) { return 2 * x; }
