// A C API over heap nodes, as yoga's YGNodeNew / YGNodeFreeRecursive.
typedef struct Opaque *NodeRef;
NodeRef NodeNew();
void NodeSetContext(NodeRef n, void *c);
void NodeInsertChild(NodeRef n, NodeRef child);
void NodeFree(NodeRef n);
void NodeFreeRecursive(NodeRef n);
